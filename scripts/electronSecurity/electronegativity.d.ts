/** The part of electronegativity's programmatic API (its runner, run without the CLI) the review uses. */
declare module '@doyensec/electronegativity' {
  interface Issue {
    id: string;
    /** Relative to the input with isRelative, "N/A" for a finding about the whole app. */
    file: string;
    location: { line: number; column: number };
    severity: { name: string };
    description: string;
  }
  interface RunOptions {
    input: string;
    electronVersionOverride: string;
    isRelative: boolean;
    customScan: string[];
    excludeFromScan: string[];
    parserPlugins: string[];
  }
  export default function run(
    options: RunOptions,
  ): Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
}
