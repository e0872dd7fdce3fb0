-- wrk script for test/bench/billing.sh: every request carries one of the
-- sessions made beforehand (a random generated subscriber) and asks for a
-- random query of the page, so the load spreads over many subscribers and
-- months instead of one cached answer.
--
--   wrk ... -s billing.lua URL -- PATH COOKIES_FILE QUERIES_FILE
--     PATH          e.g. /billing/cdr
--     COOKIES_FILE  one Cookie header value per line ("sc_sid=...; sc_csrf=...")
--     QUERIES_FILE  one query string per line ("from=20260601&to=20260630")

local path, cookies, queries = "/", {}, {}

local function read_lines(name, into)
  for line in io.lines(name) do
    if line ~= "" then
      into[#into + 1] = line
    end
  end
end

function init(args)
  path = args[1]
  read_lines(args[2], cookies)
  read_lines(args[3], queries)
  -- Each thread its own sequence: the address of a fresh table differs.
  local addr = tonumber(tostring({}):match("0x(%x+)") or "0", 16) or 0
  math.randomseed(os.time() + addr % 1000003)
end

function request()
  local cookie = cookies[math.random(#cookies)]
  local query = queries[math.random(#queries)]
  return wrk.format("GET", path .. "?" .. query, { ["Cookie"] = cookie })
end
