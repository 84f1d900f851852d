/**
 * The security review's verdict: each finding electronegativity reports is either listed in the
 * accepted-findings file with its reason, or new. A finding is known by its check, its file and the
 * text of the line it points at, so unrelated edits that move a line do not disturb the list while
 * a second call of the same kind, or a change to the flagged line, must be reviewed again.
 */

export interface Finding {
  check: string;
  /** Relative to the scanned tree, with forward slashes; "N/A" for a finding about the whole app. */
  file: string;
  line: number;
  /** The flagged line, trimmed; empty for a finding about the whole app. */
  code: string;
  severity: string;
  description: string;
}

export interface AcceptedFinding {
  check: string;
  file: string;
  code?: string;
  reason: string;
}

export interface Verdict {
  accepted: Finding[];
  /** Reported and not listed: these fail the review. */
  fresh: Finding[];
  /** Listed and no longer reported: these fail it too, so the list never outlives the code. */
  stale: AcceptedFinding[];
}

const matches = (finding: Finding, entry: AcceptedFinding): boolean =>
  finding.check === entry.check && finding.file === entry.file && finding.code === (entry.code ?? '');

export function judgeFindings(findings: readonly Finding[], acceptedList: readonly AcceptedFinding[]): Verdict {
  const accepted = findings.filter((f) => acceptedList.some((entry) => matches(f, entry)));
  const fresh = findings.filter((f) => !acceptedList.some((entry) => matches(f, entry)));
  const stale = acceptedList.filter((entry) => !findings.some((f) => matches(f, entry)));
  return { accepted, fresh, stale };
}

/** Reads the accepted-findings file; an entry without a check, a file or a reason is refused. */
export function parseAcceptedFindings(json: string): AcceptedFinding[] {
  const data: unknown = JSON.parse(json);
  const entries = (data as { accepted?: unknown } | null)?.accepted;
  if (!Array.isArray(entries)) throw new Error('the accepted-findings file needs an "accepted" list');
  return entries.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const text = (key: string): string | undefined => (typeof e[key] === 'string' ? e[key].trim() : undefined);
    const check = text('check');
    const file = text('file');
    const reason = text('reason');
    if (!check || !file) throw new Error(`accepted finding ${i + 1}: "check" and "file" are required`);
    if (!reason) throw new Error(`accepted finding ${i + 1} (${check} in ${file}) gives no reason`);
    const code = text('code');
    return code ? { check, file, code, reason } : { check, file, reason };
  });
}
