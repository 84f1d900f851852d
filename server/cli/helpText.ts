export const helpText = `PASS24 Support Desk — центральный сервер синхронизации

Запуск:
  npm run server [-- start] [--port 8787] [--host 127.0.0.1] [--data .data/central]
                 [--cors-origin https://desk.example.ru,...] [--log-level info]

Команды:
  user add --login L --name "Имя" --role agent|head|admin
                               пароль из stdin, если он передан через конвейер,
                               иначе создаётся и печатается один раз
  user list                    список учётных записей
  user disable --login L       отключить (сеансы завершаются)
  user enable --login L        включить снова
  apikey add --channel email|messenger|crm|phone|web
                               ключ API канала для /api/intake/tickets, печатается один раз
  backup --out FILE            резервная копия (JSON Lines; .gz — со сжатием)
  restore --in FILE            восстановление в пустое рабочее пространство
  seed --demo [--scale N]      демо-данные: 12 месяцев обращений, клиенты, БЗ, скрипты, учётные записи
  report --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД [--agent LOGIN] --format json|csv|xlsx --out FILE
                               показатели (KPI) за период, по команде или агенту (docs/kpi.md)

Каждая команда принимает --data DIR (PGlite) или переменную DATABASE_URL=postgres://... (PostgreSQL).
Переменные: DATABASE_URL, PASS24_CORS_ORIGINS, PASS24_TOKEN_TTL_DAYS, LOG_LEVEL.

Central sync endpoint. Commands: start (default), user add|list|disable|enable, apikey add,
backup, restore, seed --demo, report --from --to [--agent] --format --out. --data DIR for PGlite or DATABASE_URL for PostgreSQL.
`;
