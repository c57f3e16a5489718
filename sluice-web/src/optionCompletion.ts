import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';

/** What the editor can offer inside a WITH clause: the catalog's connections and topics, and the connectors. */
export interface CatalogNames {
  connections: string[];
  topics: string[];
}

export const CONNECTORS = ['kafka', 'upsert-kafka', 'jdbc', 'clickstream', 'ad_events', 'datagen', 'print', 'blackhole', 'filesystem'];

/** Completes the value of `'connection' = '…'`, `'topic' = '…'` and `'connector' = '…'`. */
export function optionValueCompletion(names: () => CatalogNames) {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const match = /'(connection|topic|connector)'\s*=\s*'([^']*)$/.exec(before);
    if (!match) return null;
    const values = match[1] === 'connection' ? names().connections : match[1] === 'topic' ? names().topics : CONNECTORS;
    return {
      from: context.pos - match[2].length,
      options: values.map((value) => ({ label: value, type: match[1] === 'connector' ? 'keyword' : 'constant', detail: match[1] })),
      validFor: /^[^']*$/,
    };
  };
}
