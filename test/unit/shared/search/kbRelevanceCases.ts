/**
 * The relevance suite's queries: written from the demo articles' symptoms the way clients put
 * them (inflections, typos, half-typed words, words the article does not have, both scripts,
 * a product filter), each naming the article (its file name in resources/demo/kb) that must
 * be among the first three results.
 */
import type { Product } from '#shared/vocabulary/enums.ts';

export interface RelevanceCase {
  query: string;
  article: string;
  product?: Product;
  /** What the query tests, for the report. */
  kind: 'inflection' | 'typo' | 'prefix' | 'missing words' | 'mixed script' | 'product';
}

export const relevanceCases: readonly RelevanceCase[] = [
  { query: 'гостю не пришла смс', article: 'online-gost-ne-poluchil-sms-s-propuskom', kind: 'missing words' },
  {
    query: 'не приходит смс с кодом для входа в приложение',
    article: 'key-registraciya-po-nomeru-telefona',
    kind: 'missing words',
  },
  { query: 'шлагбаум не открывается по пропуску гостя', article: 'hw-shlagbaum-ne-otkryvaetsya-po-propusku', kind: 'inflection' },
  { query: 'шлагбаумы сами открываются', article: 'hw-shlagbaum-otkryvaetsya-sam', kind: 'inflection' },
  { query: 'шлагбаум не закрывается после проезда машины', article: 'hw-shlagbaum-ne-zakryvaetsya', kind: 'missing words' },
  { query: 'номер в белом списке а шлагбаум не поднимается', article: 'auto-belyi-spisok-ne-otkryvaet', kind: 'missing words' },
  { query: 'ночью камера не распознает номера', article: 'auto-noch-ik-podsvetka', kind: 'inflection' },
  { query: 'номер грязный зимой снег не распознается', article: 'auto-gryaz-sneg-na-nomere', kind: 'inflection' },
  { query: 'солнце слепит камеру', article: 'auto-zasvetka-solnce-fary', kind: 'missing words' },
  { query: 'машина проехала паровозом за жителем', article: 'auto-tailgating-parovoz', kind: 'inflection' },
  { query: 'такси не может заехать', article: 'auto-taksi-i-dostavka', kind: 'missing words' },
  { query: 'казахстанские номера не читаются', article: 'auto-inostrannye-nomera', kind: 'missing words' },
  {
    query: 'QR-код не считывается сканером на проходной',
    article: 'online-qr-kod-propuska-ne-schityvaetsya',
    kind: 'mixed script',
  },
  { query: 'кьюар код с телефона не читает считыватель', article: 'hw-qr-schityvatel-ne-chitaet', kind: 'mixed script' },
  { query: 'wiegand карта читается но не узнаёт', article: 'hw-wiegand-format-karty', kind: 'mixed script' },
  { query: 'виганд 26 формат карты', article: 'hw-wiegand-format-karty', kind: 'mixed script' },
  { query: 'API ключ ошибка 401', article: 'admin-api-klyuchi', kind: 'mixed script' },
  { query: 'не приходят пуш уведомления', article: 'key-push-uvedomleniya', kind: 'mixed script' },
  { query: 'вебхуки не приходят к нам в систему', article: 'admin-webhooks-ne-dohodyat', kind: 'inflection' },
  { query: 'контролер не в сети', article: 'hw-kontroller-ne-v-seti', product: 'pass24_online', kind: 'typo' },
  {
    query: 'контроллер пропал из сети, нет связи',
    article: 'admin-kontroller-ne-v-seti',
    product: 'pass24_admin',
    kind: 'product',
  },
  { query: 'турникет не разблокируеться по карте', article: 'hw-turniket-ne-razblokiruetsya', kind: 'typo' },
  { query: 'щлагбаум открывается с задержкой', article: 'auto-rtsp-zaderzhka-kodek', kind: 'typo' },
  { query: 'элекромагнитный замок не держит дверь', article: 'hw-elektromagnitnyi-zamok', kind: 'typo' },
  { query: 'прошивка контролера обновить', article: 'hw-obnovlenie-proshivki-kontrollera', kind: 'typo' },
  { query: 'калитка не закрываеться', article: 'hw-kalitka-elektromehanicheskiy-zamok', kind: 'typo' },
  { query: 'енергосбережение xiaomi убивает приложение', article: 'key-energosberezhenie-ubivaet-prilozhenie', kind: 'typo' },
  { query: 'двухфакт', article: 'online-dvuhfaktornaya-autentifikaciya-poteryan-telefon', kind: 'prefix' },
  { query: 'индукционн петл', article: 'hw-petlya-i-fotoelementy', kind: 'prefix' },
  { query: 'пожарн сигнализ', article: 'hw-pozharnaya-signalizaciya-razblokirovka', kind: 'prefix' },
  { query: 'GSM модуль не открывает по звонку', article: 'hw-gsm-modul-otkrytie-po-zvonku', kind: 'mixed script' },
  {
    query: 'выбрасывает из системы постоянно',
    article: 'online-sessiya-zavershaetsya-vybrasyvaet-iz-sistemy',
    kind: 'inflection',
  },
  { query: 'письмо для сброса пароля не пришло', article: 'online-sbros-parolya-pismo-ne-prihodit', kind: 'inflection' },
  { query: 'житель не видит пропуск в приложении', article: 'online-zhitel-ne-vidit-propusk-v-prilozhenii', kind: 'inflection' },
  { query: 'пост охраны не видит новых пропусков', article: 'online-post-ohrany-ne-vidit-novye-propuska', kind: 'inflection' },
  { query: 'время в журнале сдвинулось на три часа', article: 'online-sdvig-vremeni-chasovoj-poyas', kind: 'missing words' },
  { query: 'ключ не появился в приложении', article: 'key-klyuch-ne-poyavlyaetsya', product: 'pass24_key', kind: 'product' },
  { query: 'открывает дверь только вплотную', article: 'key-distanciya-otkrytiya', product: 'pass24_key', kind: 'product' },
  { query: 'блютуз на айфоне разрешения', article: 'key-razresheniya-bluetooth-ios', kind: 'mixed script' },
  {
    query: 'импорт собственников из экселя ошибка',
    article: 'online-import-kvartir-i-sobstvennikov-iz-excel',
    kind: 'missing words',
  },
];
