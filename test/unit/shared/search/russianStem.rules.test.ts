import { describe, expect, it } from 'vitest';
import { russianStopWords, stemRu, words } from '#shared/search/russianStem.ts';

// The light Russian stemmer (the KB index's alternative to Snowball, and the stemmer of repeat
// suggestions and script search): it cuts one inflection ending, never below four letters.
describe('the light Russian stemmer', () => {
  it.each([
    // nouns
    ['шлагбаума', 'шлагбаум'],
    ['пропусков', 'пропуск'],
    ['камерами', 'камер'],
    ['считывателях', 'считывател'],
    ['номерам', 'номер'],
    ['приложением', 'приложен'],
    ['приложении', 'приложен'],
    ['станцией', 'станц'],
    ['станцию', 'станц'],
    ['станция', 'станц'],
    ['статьи', 'стать'],
    ['статью', 'стат'],
    ['пользователь', 'пользовател'],
    ['гостей', 'гост'],
    ['событий', 'событ'],
    ['ворота', 'ворот'],
    ['двери', 'двер'],
    ['настройку', 'настройк'],
    ['системою', 'систем'],
    // adjectives and participles
    ['крупнейшими', 'крупн'],
    ['красного', 'красн'],
    ['гостевыми', 'гостев'],
    ['гостевых', 'гостев'],
    ['гостевую', 'гостев'],
    ['гостевая', 'гостев'],
    ['гостевое', 'гостев'],
    ['гостевые', 'гостев'],
    ['гостевой', 'гостев'],
    ['гостевым', 'гостев'],
    ['синюю', 'синю'],
    ['синяя', 'синя'],
    ['синему', 'синем'],
    // verbs
    ['работаешь', 'работа'],
    ['работаете', 'работа'],
    ['работают', 'работа'],
    ['работать', 'работ'],
    ['сработала', 'сработа'],
    ['сработали', 'сработа'],
    ['сработало', 'сработа'],
    ['смотрите', 'смотр'],
    ['держит', 'держ'],
    ['звонят', 'звон'],
    ['тянуть', 'тяну'],
    ['сидеть', 'сиде'],
  ])('%s is stemmed to %s', (word, stem) => {
    expect(stemRu(word)).toBe(stem);
  });

  it('brings the forms of one word to one stem', () => {
    const forms = ['приложение', 'приложения', 'приложению', 'приложением', 'приложении'];
    expect(forms.map(stemRu)).toEqual(forms.map(() => 'приложен'));
    expect(['пользователя', 'пользователей', 'пользователю', 'пользователь'].map(stemRu)).toEqual(Array(4).fill('пользовател'));
  });

  it('cuts the longest ending that fits: «решением» loses «ием», not only «ем»', () => {
    expect(stemRu('решением')).toBe('решен');
    expect(stemRu('линиями')).toBe('лини');
  });

  it('folds the case and ё first', () => {
    expect(stemRu('ШЛАГБАУМА')).toBe('шлагбаум');
    expect(stemRu('Учётки')).toBe('учетк');
  });

  it('cuts a reflexive -ся/-сь before the ending, so the forms of a reflexive verb meet', () => {
    expect(stemRu('открывается')).toBe('открыва');
    expect(stemRu('открываются')).toBe('открыва');
    expect(stemRu('открылась')).toBe('откры');
  });

  it('never leaves a stem under four letters', () => {
    // The reflexive ending of «учится» leaves exactly four letters: it is cut, and «ит» is not.
    expect(stemRu('учится')).toBe('учит');
    // «мою» would be too short: -сь stays and only the soft sign goes.
    expect(stemRu('моюсь')).toBe('моюс');
    // «ами» would leave «дом»: a shorter ending is cut instead.
    expect(stemRu('домами')).toBe('домам');
    expect(stemRu('замка')).toBe('замк');
    expect(stemRu('горит')).toBe('горит');
  });

  it('leaves words of four letters or fewer, words without an ending and codes as they are', () => {
    expect(['сети', 'дом', 'шлагбаум', 'заявок', 'сказав'].map(stemRu)).toEqual(['сети', 'дом', 'шлагбаум', 'заявок', 'сказав']);
    // A car number, letters and digits, is a code, even though it ends like a noun.
    expect(stemRu('х777ха')).toBe('х777ха');
    expect(stemRu('wiegand')).toBe('wiegand');
  });
});

describe('the words of a text', () => {
  it('are its runs of Latin or Russian letters and digits, folded', () => {
    expect(words('Шлагбаум, НЕ открывается: ёлки-палки 2026 Wi-Fi! №5')).toEqual([
      'шлагбаум',
      'не',
      'открывается',
      'елки',
      'палки',
      '2026',
      'wi',
      'fi',
      '5',
    ]);
  });

  it('are none in a text of signs alone', () => {
    expect(words('!!! — ?')).toEqual([]);
    expect(words('')).toEqual([]);
  });
});

describe('the filler words', () => {
  // Frequent words that say nothing about a problem, and the courtesies every request opens or
  // closes with; searches and repeat suggestions skip them.
  const fillers = [
    // pronouns
    ...['я', 'ты', 'он', 'она', 'мы', 'вы', 'они', 'меня', 'мне', 'тебя', 'его', 'ему', 'ее', 'ей', 'ней', 'нее', 'него'],
    ...['ним', 'им', 'их', 'них', 'нас', 'вас', 'вам', 'себя', 'себе', 'мой', 'моя', 'свою'],
    ...['этот', 'эти', 'эту', 'этой', 'этом', 'этого', 'это', 'тот', 'того', 'тем', 'том', 'такой', 'какой', 'какая'],
    ...['кто', 'что', 'чего', 'чем', 'все', 'всех', 'всего', 'всю', 'другой', 'один', 'два', 'три'],
    // conjunctions, particles, prepositions
    ...['и', 'а', 'но', 'да', 'или', 'ни', 'не', 'же', 'ж', 'бы', 'ли', 'ну', 'уж', 'ведь', 'вот', 'то', 'так', 'как'],
    ...['если', 'когда', 'чтоб', 'чтобы', 'будто', 'потому', 'хоть', 'впрочем', 'разве', 'тоже', 'также'],
    ...['в', 'во', 'на', 'с', 'со', 'к', 'у', 'за', 'по', 'от', 'о', 'об', 'из', 'до', 'для', 'без', 'под', 'над'],
    ...['при', 'про', 'через', 'перед', 'после', 'между'],
    // adverbs and verbs of being
    ...['только', 'еще', 'уже', 'нет', 'теперь', 'даже', 'опять', 'там', 'тут', 'здесь', 'где', 'куда', 'зачем'],
    ...['потом', 'тогда', 'сейчас', 'никогда', 'всегда', 'иногда', 'наконец', 'почти', 'совсем', 'чуть', 'много'],
    ...['больше', 'более', 'лучше', 'хорошо', 'конечно', 'просто', 'очень', 'ничего', 'нибудь', 'раз'],
    ...['быть', 'был', 'была', 'было', 'были', 'будет', 'есть', 'может', 'можно', 'нельзя', 'надо'],
    // courtesies
    ...['добрый', 'день', 'здравствуйте', 'пожалуйста', 'спасибо'],
  ];

  it('are exactly these', () => {
    expect([...russianStopWords].sort()).toEqual([...fillers].sort());
  });
});
