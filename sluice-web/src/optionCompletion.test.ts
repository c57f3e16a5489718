import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { optionValueCompletion } from './optionCompletion';

function complete(text: string) {
  const state = EditorState.create({ doc: text });
  const source = optionValueCompletion(() => ({ connections: ['local-kafka', 'pg'], topics: ['clicks', 'orders'] }));
  return source(new CompletionContext(state, text.length, true));
}

describe('optionValueCompletion', () => {
  it('offers the catalog connections after a connection option', () => {
    const result = complete("  'connection' = 'lo");
    expect(result?.options.map((o) => o.label)).toEqual(['local-kafka', 'pg']);
    expect(result?.from).toBe("  'connection' = '".length);
  });

  it('offers the topics and the connectors', () => {
    expect(complete("'topic'='")!.options.map((o) => o.label)).toEqual(['clicks', 'orders']);
    expect(complete("'connector' = '")!.options.map((o) => o.label)).toContain('clickstream');
  });

  it('stays out of other options and of closed strings', () => {
    expect(complete("'format' = '")).toBeNull();
    expect(complete("'topic' = 'clicks', ")).toBeNull();
  });
});
