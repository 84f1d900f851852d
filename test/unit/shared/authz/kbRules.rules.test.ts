/** The endpoint's knowledge-base rule: each refusal names what the writer may do instead. */
import { describe, expect, it } from 'vitest';
import { kbRule } from '#shared/authz/kbRules.ts';
import type { RuleDoc } from '#shared/authz/ruleTypes.ts';
import { agent, head, monday10 } from '../../../support/ticketFactory.ts';

const now = monday10;
const draft: RuleDoc = {
  id: 'kb-1',
  title: 'Камера',
  body: 'Текст',
  status: 'draft',
  createdAt: now,
  createdBy: agent.id,
  editedAt: now,
  editedBy: agent.id,
  conflictDraft: null,
  returned: null,
  _deleted: false,
};
const byAgent = (stored: RuleDoc | null, pushed: RuleDoc) => kbRule({ role: 'agent', agentId: agent.id, stored, pushed, now });

describe('an agent’s article refused', () => {
  it('says a new article is saved as a draft when the agent would publish it', () => {
    expect(byAgent(null, { ...draft, status: 'published' })).toEqual({
      code: 'forbidden_action',
      reason: 'Новая статья сохраняется черновиком: опубликовать её может только руководитель.',
    });
  });

  it('says a change of status is the head’s for an article already stored', () => {
    expect(byAgent(draft, { ...draft, status: 'published' })).toEqual({
      code: 'forbidden_action',
      reason: 'Опубликовать, отправить в архив или вернуть статью в черновики может только руководитель.',
    });
  });

  it('says sending a draft back with a comment is the head’s', () => {
    const back = { ...draft, returned: { comment: 'Добавьте шаги', at: now, by: agent.id } };
    expect(byAgent(draft, back)).toEqual({
      code: 'forbidden_action',
      reason: 'Вернуть черновик автору с комментарием может только руководитель.',
    });
    expect(
      kbRule({
        role: 'head',
        agentId: head.id,
        stored: draft,
        pushed: { ...back, returned: { ...back.returned, by: head.id } },
        now,
      }),
    ).toBeNull();
  });
});
