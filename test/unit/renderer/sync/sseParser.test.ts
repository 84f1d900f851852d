import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../../../renderer/src/sync/sseParser.ts';

function parse(chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const p = new SseParser((e) => out.push(e));
  for (const c of chunks) p.feed(c);
  return out;
}

describe('SSE parser', () => {
  it('dispatches a data event at the blank line', () => {
    expect(parse(['data: {"a":1}\n\n'])).toEqual([{ event: 'message', data: '{"a":1}', id: '' }]);
  });

  it('joins an event split across chunks at any byte', () => {
    const text = 'data: {"documents":[],"checkpoint":null}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toHaveLength(1);
    }
  });

  it('ignores heartbeat comments and keeps multi-line data', () => {
    expect(parse([': heartbeat\n\n', 'data: a\ndata: b\n\n'])).toEqual([{ event: 'message', data: 'a\nb', id: '' }]);
  });

  it('accepts CRLF and CR line endings', () => {
    expect(parse(['data: x\r\n\r\n', 'data: y\r\rdata: w\n\n']).map((e) => e.data)).toEqual(['x', 'y', 'w']);
    // A CR at the end of a chunk may be half of a CRLF: nothing is dispatched twice.
    expect(parse(['data: z\r', '\n\r\n'])).toEqual([{ event: 'message', data: 'z', id: '' }]);
  });

  it('reads the event name and id', () => {
    expect(parse(['event: tickets\nid: 7\ndata: RESYNC\n\n'])).toEqual([{ event: 'tickets', data: 'RESYNC', id: '7' }]);
  });
});
