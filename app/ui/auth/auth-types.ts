/** Result of the sign-in / sign-up server actions (types only; safe for client leaves). */
export type AuthFormState = {
  ok?: boolean;
  errors?: Partial<Record<string, string[]>>;
  message?: string;
};
