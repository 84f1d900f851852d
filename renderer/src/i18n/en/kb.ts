import type { kb as ru } from '../ru/kb.ts';
import type { EnglishOf } from '../messageShape.ts';

export const kb: EnglishOf<typeof ru> = {
  title: 'Knowledge base',
  searchPlaceholder: 'Search articles: barrier, pass, camera…',
  allProducts: 'All products',
  commonArticle: 'All products',
  status: { draft: 'Draft', published: 'Published', archived: 'Archived' },
  articles_one: '{{count}} article',
  articles_other: '{{count}} articles',
  found_one: '{{count}} article found',
  found_other: '{{count}} articles found',
  nothingFound: 'Nothing found. Try another word or clear the product filter.',
  empty: 'The knowledge base has no articles yet. They appear after sync.',
  chooseArticle: 'Choose an article on the left: ↑ ↓ and Enter, search with “/”.',
  notFound: 'Article not found: it may have been deleted or not synced yet.',
  edited: 'Edited {{date}}',
  tags: 'Tags',
  conflictDraft: 'The article has an unsaved version left by conflicting edits.',
  suggest: {
    title: 'Related articles',
    none: 'No matching articles. Refine the subject or description.',
    keys: '{{open}} open · {{link}} link · {{insert}} to reply',
    open: 'Open the next suggested article',
    link: 'Link the article',
    linked: 'Linked',
    insert: 'Insert the solution into the reply',
  },
  command: {
    search: 'Search the knowledge base',
    next: 'Next article',
    previous: 'Previous article',
    open: 'Open the selected article',
    close: 'Close the article',
  },
};
