/**
 * The demo clients: organisations (management companies, developers, business-centre operators,
 * cottage-village partnerships, industrial parks) and their sites, with Russian names, cities,
 * addresses and contacts. Invented names; any likeness to real companies is accidental.
 */
import type { Product, SiteType } from '#shared/vocabulary/enums.ts';
import type { Client } from '#shared/schema/clientSchema.ts';
import type { Prng } from './prng.ts';

interface OrgSpec {
  name: string;
  city: string;
  sites: Array<[string, SiteType]>;
}

const organisations: OrgSpec[] = [
  {
    name: 'УК «Уютный дом»',
    city: 'Москва',
    sites: [
      ['ЖК «Северный парк»', 'residential'],
      ['ЖК «Светлый квартал»', 'residential'],
      ['ЖК «Липовая аллея»', 'residential'],
    ],
  },
  {
    name: 'УК «Городской комфорт»',
    city: 'Москва',
    sites: [
      ['ЖК «Река и парк»', 'residential'],
      ['ЖК «Новые Сокольники»', 'residential'],
    ],
  },
  {
    name: 'ГК «Вектор Девелопмент»',
    city: 'Москва',
    sites: [
      ['ЖК «Вектор Сити»', 'residential'],
      ['ЖК «Вектор Парк»', 'residential'],
      ['БЦ «Вектор Плаза»', 'business_centre'],
    ],
  },
  {
    name: 'УК «Зелёный квартал»',
    city: 'Санкт-Петербург',
    sites: [
      ['ЖК «Зелёный квартал»', 'residential'],
      ['ЖК «Невская гавань»', 'residential'],
    ],
  },
  {
    name: 'ООО «Прайм Офис Менеджмент»',
    city: 'Москва',
    sites: [
      ['БЦ «Меридиан»', 'business_centre'],
      ['БЦ «Аврора Плаза»', 'business_centre'],
      ['БЦ «Орион»', 'business_centre'],
    ],
  },
  {
    name: 'АО «Гранит Девелопмент»',
    city: 'Екатеринбург',
    sites: [
      ['ЖК «Гранитный»', 'residential'],
      ['ЖК «Уральские зори»', 'residential'],
    ],
  },
  { name: 'ТСН «Лесные дали»', city: 'Московская область', sites: [['КП «Лесные дали»', 'cottage']] },
  {
    name: 'УК «Сосновый бор»',
    city: 'Ленинградская область',
    sites: [
      ['КП «Сосновый бор»', 'cottage'],
      ['КП «Озёрный край»', 'cottage'],
    ],
  },
  {
    name: 'АО «Технопарк Восток»',
    city: 'Новосибирск',
    sites: [
      ['Технопарк «Восток»', 'industrial'],
      ['Складской комплекс «Восток-2»', 'industrial'],
    ],
  },
  { name: 'ООО «Логистический парк Южный»', city: 'Краснодар', sites: [['Логопарк «Южный»', 'industrial']] },
  {
    name: 'УК «Новые горизонты»',
    city: 'Казань',
    sites: [
      ['ЖК «Горизонт»', 'residential'],
      ['ЖК «Казанские огни»', 'residential'],
      ['ЖК «Волжская ривьера»', 'residential'],
    ],
  },
  {
    name: 'ООО «Деловой квартал»',
    city: 'Санкт-Петербург',
    sites: [
      ['БЦ «Невский 100»', 'business_centre'],
      ['БЦ «Пулково Парк»', 'business_centre'],
    ],
  },
  {
    name: 'УК «Династия»',
    city: 'Нижний Новгород',
    sites: [
      ['ЖК «Династия»', 'residential'],
      ['ЖК «Окский берег»', 'residential'],
    ],
  },
  {
    name: 'ГК «Высота Групп»',
    city: 'Тюмень',
    sites: [
      ['ЖК «Высота»', 'residential'],
      ['ЖК «Серебряные ключи»', 'residential'],
    ],
  },
  {
    name: 'УК «Альфа-Дом»',
    city: 'Самара',
    sites: [
      ['ЖК «Альфа»', 'residential'],
      ['ЖК «Волжский бульвар»', 'residential'],
    ],
  },
  {
    name: 'ООО «Сити Эксплуатация»',
    city: 'Москва',
    sites: [
      ['БЦ «Сити Тауэр»', 'business_centre'],
      ['ЖК «Сити Парк»', 'residential'],
    ],
  },
  { name: 'АО «Завод Металлист»', city: 'Екатеринбург', sites: [['Производственный комплекс «Металлист»', 'industrial']] },
  { name: 'ТСН «Берёзки»', city: 'Московская область', sites: [['КП «Берёзки»', 'cottage']] },
  {
    name: 'УК «Ренессанс-Сервис»',
    city: 'Сочи',
    sites: [
      ['ЖК «Ренессанс»', 'residential'],
      ['ЖК «Морской бриз»', 'residential'],
    ],
  },
  {
    name: 'ООО «Северстрой-Инвест»',
    city: 'Санкт-Петербург',
    sites: [
      ['ЖК «Северная звезда»', 'residential'],
      ['ЖК «Балтийский берег»', 'residential'],
    ],
  },
  {
    name: 'УК «Краснодар-Комфорт»',
    city: 'Краснодар',
    sites: [
      ['ЖК «Солнечный город»', 'residential'],
      ['ЖК «Кубанская марка»', 'residential'],
    ],
  },
  { name: 'ООО «Бизнес Парк Менеджмент»', city: 'Казань', sites: [['БЦ «Сувар Плаза»', 'business_centre']] },
  {
    name: 'УК «Лесная поляна»',
    city: 'Новосибирск',
    sites: [
      ['ЖК «Лесная поляна»', 'residential'],
      ['КП «Кедровый»', 'cottage'],
    ],
  },
  { name: 'АО «Индустриальный парк Заречье»', city: 'Нижний Новгород', sites: [['Индустриальный парк «Заречье»', 'industrial']] },
  {
    name: 'УК «Мой квартал»',
    city: 'Москва',
    sites: [
      ['ЖК «Мой квартал»', 'residential'],
      ['ЖК «Парковый»', 'residential'],
      ['ЖК «Измайловский лес»', 'residential'],
    ],
  },
  {
    name: 'ООО «Офис Сервис Групп»',
    city: 'Екатеринбург',
    sites: [
      ['БЦ «Высоцкий»', 'business_centre'],
      ['БЦ «Палладиум»', 'business_centre'],
    ],
  },
  { name: 'УК «Тихая гавань»', city: 'Самара', sites: [['КП «Тихая гавань»', 'cottage']] },
  {
    name: 'ГК «Дом на Неве»',
    city: 'Санкт-Петербург',
    sites: [
      ['ЖК «Дом на Неве»', 'residential'],
      ['ЖК «Охта Парк»', 'residential'],
    ],
  },
];

const streets = [
  'ул. Ленина',
  'ул. Садовая',
  'пр-т Мира',
  'ул. Гагарина',
  'Лесная ул.',
  'ул. Победы',
  'Набережная ул.',
  'ул. Строителей',
  'Парковая ул.',
  'ул. Профсоюзная',
  'Школьная ул.',
  'ул. Кирова',
];
const firstNames = [
  'Алексей',
  'Сергей',
  'Дмитрий',
  'Андрей',
  'Михаил',
  'Игорь',
  'Николай',
  'Павел',
  'Ольга',
  'Елена',
  'Татьяна',
  'Наталья',
  'Ирина',
  'Марина',
  'Светлана',
  'Юлия',
  'Артём',
  'Максим',
  'Виктор',
  'Анна',
];
const lastNames = [
  ['Иванов', 'Иванова'],
  ['Смирнов', 'Смирнова'],
  ['Кузнецов', 'Кузнецова'],
  ['Попов', 'Попова'],
  ['Васильев', 'Васильева'],
  ['Петров', 'Петрова'],
  ['Соколов', 'Соколова'],
  ['Михайлов', 'Михайлова'],
  ['Новиков', 'Новикова'],
  ['Фёдоров', 'Фёдорова'],
  ['Морозов', 'Морозова'],
  ['Волков', 'Волкова'],
  ['Алексеев', 'Алексеева'],
  ['Лебедев', 'Лебедева'],
  ['Семёнов', 'Семёнова'],
  ['Егоров', 'Егорова'],
  ['Павлов', 'Павлова'],
  ['Козлов', 'Козлова'],
  ['Степанов', 'Степанова'],
  ['Николаев', 'Николаева'],
] as const;
const latin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const translit = (s: string) => [...s.toLowerCase()].map((ch) => latin[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')).join('');

const siteRoles: Record<SiteType, string[]> = {
  residential: ['Управляющий ЖК', 'Диспетчер', 'Инженер слаботочных систем', 'Начальник охраны'],
  business_centre: ['Администратор БЦ', 'Главный инженер', 'Начальник службы безопасности'],
  cottage: ['Председатель правления', 'Комендант', 'Старший охраны'],
  industrial: ['Начальник бюро пропусков', 'Инженер АСУ', 'Руководитель службы безопасности'],
};
const siteProducts: Record<SiteType, Product[]> = {
  residential: ['pass24_online', 'pass24_key', 'pass24_auto'],
  business_centre: ['pass24_online', 'pass24_key', 'pass24_admin'],
  cottage: ['pass24_online', 'pass24_auto', 'pass24_key'],
  industrial: ['pass24_online', 'pass24_auto', 'pass24_admin'],
};

export interface DemoContact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface DemoSite {
  doc: Client;
  org: Client;
  siteType: SiteType;
  /** How often the site files tickets (bigger complexes more often). */
  weight: number;
}

function phone(prng: Prng): string {
  return `+7 (9${prng.int(10, 99)}) ${prng.int(100, 999)}-${String(prng.int(0, 99)).padStart(2, '0')}-${String(prng.int(0, 99)).padStart(2, '0')}`;
}

export function person(prng: Prng): { name: string; surnameLatin: string; first: string } {
  const first = prng.pick(firstNames);
  const female = /а$|я$/.test(first) && first !== 'Никита';
  const last = prng.pick(lastNames)[female ? 1 : 0];
  return { name: `${first} ${last}`, surnameLatin: translit(last), first };
}

function contact(prng: Prng, role: string, domain: string): DemoContact {
  const p = person(prng);
  return { name: p.name, role, phone: phone(prng), email: `${p.surnameLatin}@${domain}` };
}

export function buildDirectory(prng: Prng, createdAt: number, editedBy: string): { organisations: Client[]; sites: DemoSite[] } {
  const orgDocs: Client[] = [];
  const sites: DemoSite[] = [];
  for (const spec of organisations) {
    const domain = `${translit(spec.name.replace(/^(УК|ГК|ООО|АО|ТСН)\s*/, '')).slice(0, 20) || 'client'}.ru`;
    const orgProducts = new Set<Product>();
    const siteSpecs = spec.sites.map(([name, type]) => {
      for (const p of siteProducts[type]) if (prng.chance(0.8)) orgProducts.add(p);
      return { name, type };
    });
    if (orgProducts.size === 0) orgProducts.add('pass24_online');
    const org: Client = {
      id: prng.id('c'),
      kind: 'organization',
      name: spec.name,
      parentId: null,
      siteType: null,
      city: spec.city,
      address: `${spec.city}, ${prng.pick(streets)}, д. ${prng.int(1, 120)}, офис ${prng.int(1, 40)}`,
      contacts: [contact(prng, 'Руководитель', domain), contact(prng, 'Бухгалтерия', domain)],
      products: [...orgProducts].sort(),
      notes: '',
      inn: '',
      crm: null,
      editedAt: createdAt,
      editedBy,
      updatedAt: 0,
    };
    orgDocs.push(org);
    for (const s of siteSpecs) {
      const roles = siteRoles[s.type];
      const doc: Client = {
        id: prng.id('c'),
        kind: 'site',
        name: s.name,
        parentId: org.id,
        siteType: s.type,
        city: spec.city,
        address: `${spec.city}, ${prng.pick(streets)}, д. ${prng.int(1, 150)}`,
        contacts: [contact(prng, roles[0]!, domain), contact(prng, prng.pick(roles.slice(1)), domain)],
        products: siteProducts[s.type].filter((p) => orgProducts.has(p)),
        notes: s.type === 'residential' ? `Квартир: ${prng.int(3, 30) * 100}, въездов: ${prng.int(1, 4)}` : '',
        inn: '',
        crm: null,
        editedAt: createdAt,
        editedBy,
        updatedAt: 0,
      };
      if (doc.products.length === 0) doc.products = ['pass24_online'];
      const weight =
        s.type === 'residential'
          ? prng.between(1, 3)
          : s.type === 'business_centre'
            ? prng.between(0.8, 2)
            : prng.between(0.4, 1.2);
      sites.push({ doc, org, siteType: s.type, weight });
    }
  }
  return { organisations: orgDocs, sites };
}
