/** Wire types between the exercise-help server actions and the exercise panel (types only). */

export type HelpState = {
  /** Korean message for the live region when something went wrong */
  message?: string;
  errors?: Partial<Record<string, string[]>>;
  /** Hints open so far, in order */
  hints?: string[];
  /** The reference solution (shell script) */
  solution?: string;
};
