/**
 * What looking up a place (a postcode, its first part, or a council's name) can find. The finder on
 * the site and the chat's place question share it; the lookup itself runs on the device.
 */
export type FoundArea = { code: string; name: string; slug: string };

export type PlaceResult =
  /** One police force area. */
  | { kind: 'area'; area: FoundArea }
  /** A postcode district split between areas (or between England or Wales and Scotland). */
  | { kind: 'choice'; options: { area: FoundArea | null; share: number }[] }
  /** A real postcode outside England and Wales (Scotland, Northern Ireland, the islands). */
  | { kind: 'outside'; place: string }
  /** Not a postcode we know. */
  | { kind: 'unknown' }
  /** Not shaped like a postcode. */
  | { kind: 'invalid' };
