import { useEffect, useRef } from 'react';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import type { SqlError } from '../api/types';
import type { Schema } from '../sqlSchema';
import { type CatalogNames, optionValueCompletion } from '../optionCompletion';

export interface EditorHandle {
  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  goTo(line: number, column: number): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  errors: SqlError[];
  schema: Schema;
  catalog?: CatalogNames;
  handle?: (handle: EditorHandle) => void;
}

/** Where an error's 1-based line/column falls in the document, clamped to the text. */
export function errorRange(doc: Text, error: SqlError): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(error.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(error.column, 1) - 1, line.to);
  const word = /^[\w`'".]+/.exec(doc.sliceString(from, line.to));
  return { from, to: word ? from + word[0].length : Math.min(from + 1, line.to) };
}

function diagnostics(doc: Text, errors: SqlError[]): Diagnostic[] {
  return errors.map((error) => ({ ...errorRange(doc, error), severity: 'error', message: error.message }));
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--mono)' },
  '.cm-gutters': { background: '#f6f8fa', borderRight: '1px solid #e1e4e8', color: '#8b949e' },
});

/** A SQL editor like a database IDE's: highlighting, completion of the script's tables and columns, errors in the gutter. */
export function SqlEditor({ value, onChange, errors, schema, catalog, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const changed = useRef(onChange);
  changed.current = onChange;
  const names = useRef<CatalogNames>({ connections: [], topics: [] });
  names.current = catalog ?? names.current;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle),
          language.current.of(sql({ dialect: StandardSQL, schema, upperCaseKeywords: true })),
          autocompletion(),
          EditorState.languageData.of(() => [{ autocomplete: optionValueCompletion(() => names.current) }]),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          theme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              changed.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    view.current = editor;
    handle?.({
      goTo(line, column) {
        const { from } = errorRange(editor.state.doc, { line, column, message: '' });
        editor.dispatch({ selection: { anchor: from }, scrollIntoView: true });
        editor.focus();
      },
    });
    return () => editor.destroy();
    // the editor is created once; later props flow in through the effects below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current!;
    if (editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current!;
    editor.dispatch(setDiagnostics(editor.state, diagnostics(editor.state.doc, errors)));
  }, [errors]);

  useEffect(() => {
    view.current!.dispatch({
      effects: language.current.reconfigure(sql({ dialect: StandardSQL, schema, upperCaseKeywords: true })),
    });
  }, [schema]);

  return <div className="sql-editor" ref={host} data-testid="sql-editor" />;
}
