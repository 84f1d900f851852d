/** The demo's reply scripts (resources/demo/templates.json) as stored documents, shared, for the rule tests. */
import { readFileSync } from 'node:fs';
import type { Channel } from '#shared/vocabulary/enums.ts';
import type { ScriptDoc } from '#shared/templates/index.ts';

interface DemoScript {
  title: string;
  category: string;
  body: string;
  channels: Channel[];
  tags?: string[];
  phoneBody?: string | null;
}

const demo = JSON.parse(
  readFileSync(new URL('../../../../resources/demo/templates.json', import.meta.url), 'utf8'),
) as DemoScript[];

export function demoScripts(): ScriptDoc[] {
  return demo.map((d, i) => ({
    id: `tpl-${i}`,
    title: d.title,
    category: d.category,
    body: d.body,
    phoneBody: d.phoneBody ?? null,
    channels: d.channels,
    tags: d.tags ?? [],
    ownerId: null,
    archived: false,
    editedAt: 0,
    updatedAt: 0,
  }));
}

export function script(overrides: Partial<ScriptDoc> & Pick<ScriptDoc, 'id' | 'title'>): ScriptDoc {
  return {
    category: 'Общее',
    body: '',
    phoneBody: null,
    channels: [],
    tags: [],
    ownerId: null,
    archived: false,
    editedAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}
