import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS } from '../../shared/ipc/channels';
import { ClientInputSchema } from '../../shared/schemas/client';
import { inputTextProblem, multiline, textProblem } from '../../shared/text';

describe('the one text validator', () => {
  it('refuses C0 and C1 controls and bidi overrides, allows ordinary Dutch text', () => {
    expect(textProblem('IJsselmuiden-Noël, ĳ é ß — “quote”', false)).toBeNull();
    expect(textProblem('Kerk\u0007straat', false)).toMatch(/stuurteken \(U\+0007\)/);
    expect(textProblem('Kerk\u0085straat', true)).toMatch(/U\+0085/);
    expect(textProblem('Jan\u202Eraaf', true)).toMatch(/leesrichting omdraait \(U\+202E\)/);
    expect(textProblem('Jan\u2066x\u2069', false)).toMatch(/U\+2066/);
    expect(textProblem('Dorpsstraat\r\n12', false)).toBe('moet op één regel passen: haal de regelovergang (Enter) of tab weg.');
    expect(textProblem('regel 1\r\nregel 2\tmet tab', true)).toBeNull();
  });

  it('walks the schema: single-line unless the field is marked multiline, through optional, arrays and pipes', () => {
    const s = z.object({
      naam: z.string().trim(),
      notitie: multiline(z.string().max(100)).optional().nullable().transform((v) => v ?? null),
      regels: z.array(z.string()).default([]),
      email: z.union([z.literal(''), z.email()]).optional(),
    });
    expect(inputTextProblem(s, { naam: 'Jan', notitie: 'a\nb', regels: ['x'] })).toBeNull();
    expect(inputTextProblem(s, { naam: 'Jan\nJansen' })).toMatchObject({ path: 'naam' });
    expect(inputTextProblem(s, { naam: 'Jan', regels: ['ok', 'Post\nbus'] })).toMatchObject({ path: 'regels.1' });
    expect(inputTextProblem(s, { naam: 'Jan', notitie: 'a\u202Eb' })).toMatchObject({ path: 'notitie', message: expect.stringMatching(/U\+202E/) });
  });

  it('covers the client record: a CR/LF in straat or U+202E in a name is found', () => {
    const base = ClientInputSchema.parse({ bsn: '999993847', voornamen: 'Jan', geslachtsnaam: 'Smit', geboortedatum: '1950-01-01' });
    expect(inputTextProblem(ClientInputSchema, { ...base, straat: 'Kerkstraat\r\nPostbus 1' })).toMatchObject({ path: 'straat' });
    expect(inputTextProblem(ClientInputSchema, { ...base, vertegenwoordigers: [{ soort: 'curator', naam: 'Piet\u202Etsop', adresregels: [], ontvangtPost: false }] }))
      .toMatchObject({ path: 'vertegenwoordigers.0.naam' });
  });

  it('every channel input schema can be walked', () => {
    for (const [name, def] of Object.entries(CHANNELS)) {
      expect(() => inputTextProblem(def.input, {}), name).not.toThrow();
    }
  });
});
