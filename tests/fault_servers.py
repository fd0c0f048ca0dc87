"""Loopback servers that fail as a database or cache server does when it hangs: the fault tests
and bench/fault_postgres.py put them between the site and a real server."""

import selectors
import socket
import threading
import time
from contextlib import contextmanager


class FreezingRelay:
    """A TCP relay to `upstream` (host, port) that can freeze as a hung server (a stopped process,
    a paused virtual machine, a stuck pooler) does: new connections are accepted and never answered,
    and open ones stay open with nothing passed on either way. The kernel still acknowledges what is
    sent, so no TCP timeout ends the wait, only the client's own deadline. Thawed, it passes traffic
    on again. Use as a context manager; `port` is where clients connect."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.frozen, self.stopped = threading.Event(), threading.Event()
        self.sockets, self.selector = [], selectors.DefaultSelector()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()
        for sock in [self.server, *self.sockets]:
            sock.close()

    def freeze(self):
        self.frozen.set()

    def thaw(self):
        self.frozen.clear()

    def run(self):
        self.selector.register(self.server, selectors.EVENT_READ)
        while not self.stopped.is_set():
            for key, _ in self.selector.select(timeout=0.1):
                if key.fileobj is self.server:
                    self.accept()
                elif not self.frozen.is_set() and key.fileobj.fileno() >= 0:  # not closed this round
                    self.pass_on(key.fileobj, key.data)
            if self.frozen.is_set():
                time.sleep(0.05)  # open connections stay unread

    def accept(self):
        client, _ = self.server.accept()
        self.sockets.append(client)
        if self.frozen.is_set():
            return  # held open, never answered
        upstream = socket.create_connection(self.upstream)
        self.sockets.append(upstream)
        self.selector.register(client, selectors.EVENT_READ, upstream)
        self.selector.register(upstream, selectors.EVENT_READ, client)

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


@contextmanager
def hung_listener():
    """A real loopback port that accepts connections and never says a word, as a blackholed or
    frozen server does (a relay frozen from the start, to nowhere); yields its port."""
    with FreezingRelay(upstream=None) as relay:
        relay.freeze()
        yield relay.port
