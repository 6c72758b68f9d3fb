-- wrk load for `dyad serve` (bench/wrk/run.sh): a mix of API requests whose actors, dates,
-- bounding boxes and pages vary at random, so caches and the query planner see what analysts send.
--
--   DYAD_BENCH_FIRST=2021-01-01 DYAD_BENCH_DAYS=730 wrk -t2 -c64 -d30s -s bench/wrk/events.lua URL
--
-- Prints latency percentiles and a final "p99_ms=... errors=..." line for run.sh.

local actors = {"USA", "RUS", "CHN", "UKR", "ISR", "PSE", "IRN", "AFG", "PAK", "IND", "GBR", "FRA",
                "DEU", "TUR", "SYR", "IRQ", "SAU", "YEM", "PRK", "KOR", "JPN", "BRA", "MEX", "NGA",
                "ETH", "SDN", "USAGOV", "RUSGOV", "ISRMIL", "UKRMIL", "IGO", "CHNGOV", "USAMIL"}
local countries = {"USA", "RUS", "CHN", "UKR", "ISR", "IRN", "AFG", "PAK", "IND", "GBR", "FRA", "SYR"}
local roots = {"01", "02", "03", "04", "05", "11", "12", "13", "14", "17", "18", "19", "20"}
local words = {"election", "minister", "ceasefire", "sanctions", "talks", "protest", "attack",
               "president", "troops", "border", "agreement", "missile", "aid", "summit"}
local tops = {"dyad", "actor", "place", "code"}
local periods = {"day", "week", "month"}

local first_day = 0   -- days since 1970-01-01 of the store's first event date
local span_days = 730

local function days_from_civil(y, m, d)
  y = (m <= 2) and (y - 1) or y
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function date_of(days)
  return os.date("!%Y-%m-%d", days * 86400)
end

local function pick(t) return t[math.random(#t)] end

-- A random date window of 7 to 120 days inside the store's range.
local function window()
  local len = math.random(7, 120)
  local from = first_day + math.random(0, math.max(0, span_days - len))
  return "&from=" .. date_of(from) .. "&to=" .. date_of(from + len)
end

local function box()
  local lat = math.random(-50, 60)
  local lon = math.random(-170, 160)
  local h = math.random(5, 30)
  local w = math.random(5, 40)
  return string.format("&minlat=%d&minlon=%d&maxlat=%d&maxlon=%d", lat, lon, math.min(90, lat + h),
                       math.min(180, lon + w))
end

local function page()
  local limit = pick({20, 50, 100, 100, 500})
  return "&limit=" .. limit .. "&offset=" .. (limit * math.random(0, 5))
end

local function events_path(endpoint)
  local q = ""
  local r = math.random()
  if r < 0.35 then q = q .. "&actor=" .. pick(actors) end
  if r >= 0.35 and r < 0.5 then q = q .. "&country=" .. pick(countries) end
  if math.random() < 0.5 then q = q .. window() end
  if math.random() < 0.25 then q = q .. box() end
  if math.random() < 0.15 then q = q .. "&root=" .. pick(roots) end
  if math.random() < 0.05 then q = q .. "&text=" .. pick(words) end
  if endpoint == "events" then q = q .. page() end
  return "/api/" .. endpoint .. "?" .. q:sub(2)
end

function setup(thread)
  thread:set("id", math.random(1, 1e9))
end

function init(args)
  math.randomseed(os.time() + (id or 0))
  local first = os.getenv("DYAD_BENCH_FIRST")
  if first then
    local y, m, d = first:match("(%d+)-(%d+)-(%d+)")
    first_day = days_from_civil(tonumber(y), tonumber(m), tonumber(d))
  else
    first_day = days_from_civil(2021, 1, 1)
  end
  span_days = tonumber(os.getenv("DYAD_BENCH_DAYS") or "730")
end

-- DYAD_BENCH_ONLY=events|timeline|relations|top|search|meta restricts the mix to one endpoint.
local only_at = {events = 0.0, timeline = 0.56, relations = 0.71, top = 0.83, search = 0.91, meta = 0.98}
local only = os.getenv("DYAD_BENCH_ONLY")

function request()
  local r = math.random()
  if only and only_at[only] then r = only_at[only] end
  local path
  if r < 0.55 then
    path = events_path("events")
  elseif r < 0.70 then
    path = events_path("timeline")
  elseif r < 0.82 then
    local a, b = pick(actors), pick(actors)
    path = "/api/relations?a=" .. a .. "&b=" .. b .. "&by=" .. pick(periods)
    if math.random() < 0.5 then path = path .. window() end
  elseif r < 0.90 then
    path = "/api/top?by=" .. pick(tops) .. "&limit=" .. math.random(5, 50)
    if math.random() < 0.5 then path = path .. window() end
  elseif r < 0.97 then
    path = "/api/search?q=" .. pick(words) .. "&limit=" .. math.random(5, 20)
  else
    path = "/api/meta"
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write +
                 summary.errors.status + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s (%.0f/s)\n", summary.requests, summary.duration / 1e6,
                         summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("errors: connect %d, read %d, write %d, non-2xx %d, timeout %d\n",
                         summary.errors.connect, summary.errors.read, summary.errors.write,
                         summary.errors.status, summary.errors.timeout))
  io.write(string.format("p99_ms=%.2f errors=%d\n", latency:percentile(99) / 1000, errors))
end
