/** The instructor account of the e2e run: listed in the server's KUBELAB_INSTRUCTORS (playwright.config.ts). */
export const E2E_INSTRUCTOR = 'instructor-e2e@example.com';
