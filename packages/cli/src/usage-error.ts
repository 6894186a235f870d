/** What the user typed that was not recognised, and what it could have been ("did you mean"). */
export interface Unrecognised {
  typed: string;
  candidates: readonly string[];
  /** Put before the candidate when it is shown: `aks ` for the commands of a group. */
  prefix?: string;
}

/** Bad usage or input: exit 2, nothing sent. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The help page that answers it: `''` (global), `aks`, `aks abort`. */
  readonly topic: string;
  /** For "did you mean …?", worked out only when the error is printed. */
  readonly unrecognised: readonly Unrecognised[];

  constructor(message: string, options: { topic?: string; unrecognised?: readonly Unrecognised[] } = {}) {
    super(message);
    this.topic = options.topic ?? '';
    this.unrecognised = options.unrecognised ?? [];
  }
}
