/** A text with the words a search matched marked (any inflection of them): titles and snippets. */
import { highlightParts, snippetParts } from '#shared/search/highlight.ts';

interface Props {
  text: string;
  terms: readonly string[];
  /** Cut to a snippet around the first match. */
  snippet?: boolean;
}

export function Highlighted({ text, terms, snippet }: Props) {
  const parts = snippet ? snippetParts(text, terms) : highlightParts(text, terms);
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} data-testid="kb-highlight" style={{ background: 'var(--mantine-color-yellow-light)', color: 'inherit' }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
