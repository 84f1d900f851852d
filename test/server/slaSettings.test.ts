/**
 * The head's SLA settings on the endpoint: only head or admin may push them, a broken value is
 * refused with a Russian reason, and the intake computes deadlines with the version in force when
 * a ticket is created: tickets filed before a change keep theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeTicketRequest, IntakeTicketResponse } from '#shared/protocol.ts';
import type { ConfigDoc, Ticket } from '#shared/schema/index.ts';
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { defaultSlaSetup, slaStateOf } from '#shared/domain/ticketDeadlines.ts';
import { defaultSlaPolicies } from '#shared/sla/index.ts';
import { createApiKey } from '../../server/auth/apiKeys.ts';
import { configDoc, fresh } from './support/documents.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

const minute = 60_000;

/** Emergencies answered within 20 wall-clock minutes, day and night. */
function roundTheClockPolicies() {
  const p = defaultSlaPolicies();
  return { ...p, emergency: { ...p.emergency, firstContact: { minutes: 20, clock: 'calendar' as const } } };
}

const intake = (externalId: string): IntakeTicketRequest => ({
  channel: 'phone',
  externalId,
  subject: 'Шлагбаум не открывается',
  description: 'Ночью шлагбаум перестал открываться по номерам.',
  contact: { name: 'Охрана', phone: '+7 900 000-00-00' },
  priority: 'emergency',
});

describe.each(backends)('SLA settings on %s', (backend) => {
  let server: TestServer;
  let phoneKey: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    phoneKey = (await createApiKey(server.database.db, 'phone')).key;
  });
  afterAll(() => server.close());

  const policiesDoc = (from: number) =>
    configDoc({
      id: 'sla-policies',
      value: { versions: [{ id: `v-${from}`, from, editedBy: server.head.id, value: roundTheClockPolicies() }] },
      editedAt: from,
      editedBy: server.head.id,
    });

  async function storedTicket(id: string): Promise<Ticket> {
    const { documents } = await server.asAgent.pullAll<Ticket>('tickets');
    return documents.find((d) => d.id === id)!;
  }

  async function file(externalId: string): Promise<Ticket> {
    const res = await server.anonymous.post<IntakeTicketResponse>('/api/intake/tickets', intake(externalId), {
      'x-api-key': phoneKey,
    });
    expect(res.status).toBe(201);
    return storedTicket(res.body.id);
  }

  it("refuses an agent's push of a policy and stores nothing", async () => {
    const res = await server.asAgent.push<ConfigDoc>('config', [fresh(policiesDoc(Date.now()))]);
    expect(res.rejected).toEqual([
      { id: 'sla-policies', code: 'forbidden_role', reason: expect.stringMatching(/head или admin/) },
    ]);
    const { documents } = await server.asAgent.pullAll<ConfigDoc>('config');
    expect(documents.find((d) => d.id === 'sla-policies')).toBeUndefined();
  });

  it("refuses the head's policy with a threshold that is not a number, in Russian", async () => {
    const doc = policiesDoc(Date.now());
    const broken = {
      ...doc,
      value: {
        versions: [
          {
            ...(doc.value.versions as object[])[0],
            value: { ...roundTheClockPolicies(), standard: { ...defaultSlaPolicies().standard, warningMaxMinutes: 'много' } },
          },
        ],
      },
    };
    const res = await server.asHead.push<ConfigDoc>('config', [fresh(broken)]);
    expect(res.rejected).toEqual([
      { id: 'sla-policies', code: 'invalid_document', reason: expect.stringMatching(/Нужно число/) },
    ]);
  });

  it('applies a policy change to tickets filed after it only', async () => {
    const before = await file(`before-${backend}`);
    const expectedBefore = slaStateOf(before, before.createdAt, defaultSlaSetup()).firstContact!.dueAt;
    expect(before.firstContactDueAt).toBe(expectedBefore);

    const changedAt = Date.now();
    const saved = await server.asHead.push<ConfigDoc>('config', [fresh(policiesDoc(changedAt))]);
    expect(saved).toEqual({ conflicts: [], rejected: [] });

    const after = await file(`after-${backend}`);
    expect(after.createdAt).toBeGreaterThanOrEqual(changedAt);
    expect(after.firstContactDueAt).toBe(after.createdAt + 20 * minute);

    // The ticket filed before keeps its deadline, stored and as every desk recomputes it.
    expect((await storedTicket(before.id)).firstContactDueAt).toBe(expectedBefore);
    const { documents } = await server.asAgent.pullAll<ConfigDoc>('config');
    const setup = slaSetupFromConfig(documents.find((d) => d.id === 'sla-policies')!.value, null);
    expect(slaStateOf(before, changedAt, setup).firstContact!.dueAt).toBe(expectedBefore);
  });
});
