// ACLED event types and the colour each is drawn in on the map, the timeline and the table.
export const EVENT_COLOURS: Record<string, string> = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4',
};
export const OTHER_COLOUR = '#7f7f7f';

export const colourOf = (eventType: string) => EVENT_COLOURS[eventType] ?? OTHER_COLOUR;
