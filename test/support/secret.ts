/** The token secret of every test app: fixed here, and only here (a development setup makes a random one). */
export const TEST_JWT_SECRET = 'test-only-secret-of-the-test-support-0123456789';
