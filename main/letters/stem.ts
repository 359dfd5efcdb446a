// Who the letter speaks to. To the client: "u". To a curator, mentor or parent who acts for the
// client in care matters: about the client ("Uw cliënt krijgt …", "haar ondersteuning"), never as
// if the representative were the client (BW 1:378 ff., 1:450 ff.).
import type { LetterData } from './types';

export interface Stem {
  /** true when the letter goes to a representative and speaks about the client. */
  derde: boolean;
  /** Subject: "u" / "uw cliënt" / "uw kind". */
  u: string;
  /** The same at the start of a sentence. */
  U: string;
  /** First mention, with the name: "uw cliënt, mevrouw G. Mulder," (or "u"). */
  uNaam: string;
  /** Possessive: "uw" / "haar" / "zijn" / "zijn of haar". */
  uw: string;
  Uw: string;
  /** Object form: "u" / "uw cliënt". */
  uObj: string;
  hebt: string;
  kunt: string;
  bent: string;
  wilt: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ROL_LABEL: Record<NonNullable<LetterData['geadresseerde']['rol']>, string> = {
  curator: 'curator',
  mentor: 'mentor',
  bewindvoerder: 'beschermingsbewindvoerder',
  gemachtigde: 'gemachtigde',
  ouder_voogd: 'ouder of voogd',
};

export function stem(d: Pick<LetterData, 'geadresseerde' | 'client'>): Stem {
  const rol = d.geadresseerde.rol;
  if (!rol) {
    return { derde: false, u: 'u', U: 'U', uNaam: 'u', uw: 'uw', Uw: 'Uw', uObj: 'u', hebt: 'hebt', kunt: 'kunt', bent: 'bent', wilt: 'wilt' };
  }
  const wie = rol === 'ouder_voogd' ? 'uw kind' : 'uw cliënt';
  const uw = d.client.geslacht === '1' ? 'zijn' : d.client.geslacht === '2' ? 'haar' : 'zijn of haar';
  return {
    derde: true, u: wie, U: cap(wie), uNaam: `${wie}, ${d.client.naam},`, uw, Uw: cap(uw), uObj: wie,
    hebt: 'heeft', kunt: 'kan', bent: 'is', wilt: 'wil',
  };
}

/** "U krijgt deze brief als curator van mevrouw G. Mulder." — the first line of a letter to a representative. */
export function rolZin(d: Pick<LetterData, 'geadresseerde' | 'client'>): string | null {
  const rol = d.geadresseerde.rol;
  if (!rol) return null;
  return `U krijgt deze brief als ${ROL_LABEL[rol]} van ${d.client.naam}. In deze brief gaat het over ${rol === 'ouder_voogd' ? 'uw kind' : 'uw cliënt'}.`;
}
