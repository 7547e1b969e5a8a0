/** The thread's page, where every notice leads (after signing in: the message itself is never in the e-mail). */
export const threadPath = (applicationId: string) => `/applications/${applicationId}/messages`;
