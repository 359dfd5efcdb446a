import { z } from 'zod';
import { ch } from './define';

/** Second factor (team server): enrollment with a QR code, recovery codes shown once. */
export const ACCOUNT_CHANNELS = {
  'totp.status': ch({ input: z.object({}).default({}), output: z.object({ serverMode: z.boolean(), enrolled: z.boolean(), required: z.boolean() }), roles: 'any', writes: false }),
  'totp.begin': ch({ input: z.object({}).default({}), output: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }), roles: 'any', writes: false }),
  'totp.confirm': ch({
    input: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Typ de 6 cijfers uit de app.') }),
    output: z.object({ recoveryCodes: z.array(z.string()) }),
    roles: 'any', writes: false,
  }),
};
