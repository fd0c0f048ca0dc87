"""A TCP relay to PostgreSQL for the outage benchmark (fault_postgres.py), which can play a
hung pooler or load balancer."""

import selectors
import socket
import threading


class Relay:
    """A TCP relay to PostgreSQL that can hang: then its open connections drop, and new ones are
    accepted and never answered."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.frozen, self.stopped = threading.Event(), threading.Event()
        self.sockets, self.selector = [], selectors.DefaultSelector()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        selector = self.selector
        selector.register(self.server, selectors.EVENT_READ)
        while not self.stopped.is_set():
            if self.frozen.is_set():
                self.drop_open_connections()
            for key, _ in selector.select(timeout=0.1):
                if key.fileobj is self.server:
                    client, _ = self.server.accept()
                    self.sockets.append(client)
                    if self.frozen.is_set():
                        continue  # held open, never answered
                    upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
                    self.sockets.append(upstream)
                    selector.register(client, selectors.EVENT_READ, upstream)
                    selector.register(upstream, selectors.EVENT_READ, client)
                elif key.fileobj.fileno() >= 0:  # not closed earlier in this round
                    self.pass_on(key.fileobj, key.data)

    def pass_on(self, source, destination):
        try:
            data = source.recv(65536)
            if data:
                destination.sendall(data)
                return
        except OSError:
            pass
        for end in (source, destination):
            if end.fileno() >= 0:
                self.selector.unregister(end)
                end.close()

    def drop_open_connections(self):
        for key in list(self.selector.get_map().values()):
            if key.fileobj is not self.server:
                self.selector.unregister(key.fileobj)
                key.fileobj.close()

    def close(self):
        self.stopped.set()
        self.thread.join()
        for sock in [self.server, *self.sockets]:
            sock.close()
