/**
 * A light Russian stemmer for search: lower-cases, folds ё to е and strips the common inflection
 * endings (case, number, gender, verb person, reflexive -ся), so "шлагбаума", "шлагбаумы" and
 * "шлагбаум" meet on one stem. It is deliberately simpler than Snowball: it only ever shortens a
 * word to a stem of at least `minStem` letters, so short words and codes stay intact.
 */

const minStem = 4;

/** Endings, longest first within each group; the first that leaves a long enough stem is cut. */
const reflexive = ['ся', 'сь'];
const endings = [
  // adjectives and participles
  'ейшими', 'ейшего', 'ейшему',
  'ыми', 'ими', 'его', 'ого', 'ему', 'ому', 'ых', 'их', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею', 'ее', 'ие', 'ые', 'ое', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом',
  // verbs
  'уете', 'уешь', 'ует', 'уют', 'ешь', 'ете', 'ите', 'ишь', 'ить', 'ать', 'ять', 'еть', 'уть', 'ыть', 'ет', 'ют', 'ут', 'ит', 'ат', 'ят', 'ла', 'ли', 'ло', 'ть',
  // nouns
  'иями', 'ями', 'ами', 'иях', 'ях', 'ах', 'иям', 'ям', 'ам', 'ием', 'ией', 'ий', 'ев', 'ов', 'ия', 'ья', 'ию', 'ью', 'ии', 'ье', 'ь', 'а', 'я', 'о', 'е', 'у', 'ю', 'ы', 'и', 'й',
].sort((a, b) => b.length - a.length);

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

const cyrillic = /^[а-я]+$/;

export function stemRu(word: string): string {
  let w = normalizeWord(word);
  if (!cyrillic.test(w) || w.length <= minStem) return w;
  for (const r of reflexive) {
    if (w.endsWith(r) && w.length - r.length >= minStem) {
      w = w.slice(0, -r.length);
      break;
    }
  }
  for (const e of endings) {
    if (w.endsWith(e) && w.length - e.length >= minStem) return w.slice(0, -e.length);
  }
  return w;
}

/** Words of a text: letters and digits (Latin and Cyrillic), lower-cased, ё folded. */
export function words(text: string): string[] {
  return normalizeWord(text).match(/[a-zа-я0-9]+/g) ?? [];
}

/** Frequent Russian words that say nothing about the problem. */
export const russianStopWords: ReadonlySet<string> = new Set([
  'и', 'в', 'во', 'не', 'что', 'он', 'на', 'я', 'с', 'со', 'как', 'а', 'то', 'все', 'она', 'так', 'его', 'но', 'да', 'ты', 'к', 'у', 'же',
  'вы', 'за', 'бы', 'по', 'только', 'ее', 'мне', 'было', 'вот', 'от', 'меня', 'еще', 'нет', 'о', 'из', 'ему', 'теперь', 'когда', 'даже',
  'ну', 'ли', 'если', 'уже', 'или', 'ни', 'быть', 'был', 'него', 'до', 'вас', 'нибудь', 'опять', 'уж', 'вам', 'ведь', 'там', 'потом',
  'себя', 'ничего', 'ей', 'может', 'они', 'тут', 'где', 'есть', 'надо', 'ней', 'для', 'мы', 'тебя', 'их', 'чем', 'была', 'сам', 'чтоб',
  'без', 'будто', 'чего', 'раз', 'тоже', 'себе', 'под', 'будет', 'ж', 'тогда', 'кто', 'этот', 'того', 'потому', 'этого', 'какой',
  'совсем', 'ним', 'здесь', 'этом', 'один', 'почти', 'мой', 'тем', 'чтобы', 'нее', 'сейчас', 'были', 'куда', 'зачем', 'всех', 'никогда',
  'можно', 'при', 'наконец', 'два', 'об', 'другой', 'хоть', 'после', 'над', 'больше', 'тот', 'через', 'эти', 'нас', 'про', 'всего',
  'них', 'какая', 'много', 'разве', 'три', 'эту', 'моя', 'впрочем', 'хорошо', 'свою', 'этой', 'перед', 'иногда', 'лучше', 'чуть',
  'том', 'нельзя', 'такой', 'им', 'более', 'всегда', 'конечно', 'всю', 'между', 'это', 'также', 'просто', 'очень', 'добрый', 'день',
  'здравствуйте', 'пожалуйста', 'спасибо',
]);
