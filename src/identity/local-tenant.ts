/**
 * The tenant of local mode: the dev sign-in acts as its people, and the demo data lives in it.
 * Here in identity (not in demo) because signing in must not depend on the demo's content.
 */
export const DEMO_TENANT_ID = '00000000-0000-4000-8000-0000000000aa';
