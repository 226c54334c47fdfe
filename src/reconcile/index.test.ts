// Incidents from drafts: actor names get their country, and the country's naming conventions.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { geocode } from '../geocode/index.js';
import { incidentFromDraft } from './index.js';

function incidentOf(text: string) {
  const [draft] = extract(text, { published: '2015-03-02' }).incidents;
  const { place } = geocode(text, { focus: draft!.focus });
  return incidentFromDraft({ ...draft!, place }, 'report', 0);
}

describe('incidentFromDraft', () => {
  it('fills the country into actor names', () => {
    expect(incidentOf('Gunmen killed two villagers in Peshawar on Sunday.').actor1).toBe('Unidentified Armed Group (Pakistan)');
  });

  it("uses a country's convention for an actor the text describes generically (data/lexicons/country-actors.txt)", () => {
    expect(incidentOf('Insurgents detonated a bomb in Pattani on Sunday, wounding two rangers.').actor1).toBe('Southern Muslim Separatists (Thailand)');
    expect(incidentOf('Gunmen in a drive-by killed five people outside a bar in Culiacan, Sinaloa, on Saturday.').actor1).toBe('Unidentified Gang (Mexico)');
  });

  it('reads the words of a convention in every sentence of an incident with no named perpetrator', () => {
    expect(incidentOf('A man was found dead in Culiacan, Sinaloa, on Saturday. His hands were tied.').actor1).toBe('Unidentified Gang (Mexico)');
    expect(incidentOf('Gunmen killed five people in a bar in Culiacan, Sinaloa, on Saturday.').actor1).toBe('Unidentified Armed Group (Mexico)');
    expect(incidentOf('A man was killed in a drive-by shooting in Manaus, Amazonas, on Monday.').actor1).toBe('Unidentified Gang and/or Police Militia');
    expect(incidentOf('Suspected Islamic militants attacked a village in Quissanga, Cabo Delgado, on Monday.').actor1).toBe('Islamist Militia (Mozambique)');
    expect(incidentOf('Police shot dead a drug suspect during a raid in Cabanatuan, Nueva Ecija, on Monday.').actor1).toBe('Police Forces of the Philippines');
  });
});
