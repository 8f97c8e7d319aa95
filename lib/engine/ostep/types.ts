/** What running one OSTEP homework script prints: the same three things `python3 <script>.py` produces. */
export type OstepRun = {
  exitCode: number;
  stdout: string;
  stderr: string;
};

/** Every ported script has this shape: the script's own command-line flags in, its output out. */
export type OstepScript = (args: string[]) => OstepRun;
