// The "Glossary term" Draftail entity: mark the selected phrase with a term chosen from the glossary.
(() => {
    const React = window.React;
    const { Modifier, RichUtils, EditorState } = window.DraftJS;
    const { ModalWorkflowSource, TooltipEntity, registerPlugin } = window.draftail;
    const ENTITY_TYPE = "GLOSSARY";

    class GlossaryTermSource extends ModalWorkflowSource {
        getChooserConfig(entity) {
            const { pageChooser } = this.props.entityType.chooserUrls;
            const parentId = entity ? entity.getData().parentId : null;
            return {
                url: parentId ? `${pageChooser}${parentId}/` : pageChooser,
                urlParams: { page_type: "glossary.glossarytermpage" },
                onload: window.PAGE_CHOOSER_MODAL_ONLOAD_HANDLERS,
                responses: { pageChosen: this.onChosen },
            };
        }

        filterEntityData(data) {
            return { id: data.id, parentId: data.parentId, url: data.url, title: data.title };
        }

        // As the base class does for links, but the mark is MUTABLE so its text stays editable.
        onChosen(data) {
            const { editorState, onComplete } = this.props;
            const selection = editorState.getSelection();
            let content = editorState.getCurrentContent();
            content = content.createEntity(ENTITY_TYPE, "MUTABLE", this.filterEntityData(data));
            const entityKey = content.getLastCreatedEntityKey();
            let nextState;
            if (selection.isCollapsed()) {
                content = Modifier.insertText(content, selection, data.title, null, entityKey);
                nextState = EditorState.push(editorState, content, "insert-characters");
            } else {
                nextState = RichUtils.toggleLink(editorState, selection, entityKey);
            }
            this.workflow.close();
            onComplete(nextState);
        }
    }

    const GlossaryTerm = (props) => {
        const { entityKey, contentState } = props;
        const data = contentState.getEntity(entityKey).getData();
        return React.createElement(TooltipEntity, {
            ...props,
            icon: "#icon-help",
            label: data.title ? `Glossary: ${data.title}` : "Glossary term (missing)",
            url: data.url,
        });
    };

    registerPlugin({ type: ENTITY_TYPE, source: GlossaryTermSource, decorator: GlossaryTerm }, "entityTypes");
})();
