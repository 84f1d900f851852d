/**
 * An article's Markdown, rendered safely: react-markdown with raw HTML skipped, so an article
 * cannot inject markup or scripts; links open in the system browser through the Host, and only
 * web, mail and phone links at all (no javascript:); images are not loaded, their alt text
 * becomes a link.
 */
import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { useHost } from '../../services/hostContext.ts';

const externalSchemes = /^(https?:|mailto:|tel:)/i;

function ExternalLink({ href, children }: { href?: string; children?: ReactNode }) {
  const host = useHost();
  const safe = href && externalSchemes.test(href) ? href : null;
  return (
    <Anchor
      href={safe ?? undefined}
      onClick={(e) => {
        e.preventDefault();
        if (safe) void host.openExternal(safe);
      }}
    >
      {children}
    </Anchor>
  );
}

const components: Components = {
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  // Images would load from the network; show their alt text as a link instead.
  img: ({ src, alt }) => <ExternalLink href={typeof src === 'string' ? src : undefined}>{alt || String(src ?? '')}</ExternalLink>,
};

export function KbMarkdown({ children }: { children: string }) {
  return (
    <Markdown skipHtml components={components}>
      {children}
    </Markdown>
  );
}
