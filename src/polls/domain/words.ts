/**
 * Open-text answers as a word-frequency list (and cloud): how many answers mention each word,
 * so one long answer repeating a word counts once. Norwegian stop words (bokmål and nynorsk)
 * are left out, or «og», «i» and «det» would top every list.
 */
const STOP_WORDS = new Set(
  `alle andre at av bare begge ble blei bli blir blitt både båe da de dei deim deira deires dem den denne der dere deres
  det dette di din disse ditt du dykk dykkar då eg ein eit eitt eller elles en enn er et ett etter for fordi fra før
  ha hadde han hans har hennar henne hennes her hjå ho hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor
  hvordan hvorfor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korleis korso kun kunne kva kvar kvarhelst kven
  kvi kvifor litt man mange me med medan meg meget mellom men mer mi min mine mitt mot mye mykje må ned no noe noen noka
  noko nokon nokor nokre nå når og også om opp oss over på samme seg selv si sia sidan siden sin sine sitt sjøl skal
  skulle slik so som somme somt så sånn til um upp ut uten var vart varte ved vere verte vi vil ville vore vors vort vår
  være vært å veldig svært mykje meir enda the and of to in is it`
    .split(/\s+/)
    .filter(Boolean),
);

export interface WordCount {
  word: string;
  /** Answers that mention the word. */
  count: number;
}

/** The words of one answer, lower-cased, without stop words, numbers or single letters. */
export function wordsOf(text: string): string[] {
  const tokens = text.toLocaleLowerCase('nb-NO').match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.filter((w) => w.length >= 2 && !/^\d+$/.test(w) && !STOP_WORDS.has(w));
}

/** Top words across answers (each weighted by how many voters gave that exact answer). */
export function wordFrequencies(answers: { text: string; count: number }[], limit = 40): WordCount[] {
  const counts = new Map<string, number>();
  for (const { text, count } of answers) {
    for (const word of new Set(wordsOf(text))) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  return [...counts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nb'))
    .slice(0, limit);
}
