/** « 1 appel », « 3 appels », « 0 appel » (French counts zero and one as singular). */
export const countOf = (count: number, one: string, many: string): string => `${count} ${count > 1 ? many : one}`;
