-- wrk script: a coordinated attack on several threads. Every request POSTs a near-duplicate of one text (varied
-- in case, punctuation and a tail, as raiders vary it) as a new reader (new e-mail, new address) to one of the
-- threads given, in turn, so that surge mode, when on, sees near-duplicates across threads from new identities.
-- Usage: wrk -t2 -c16 -d20s -s post-surge.lua http://127.0.0.1:PORT -- RUN SLUG1,SLUG2,...
-- Prints "POSTS sent=.. published=.. held=.. other=.." at the end.

local threads = {}
local next_id = 0

function setup(thread)
	next_id = next_id + 1
	thread:set("tid", next_id)
	table.insert(threads, thread)
end

function init(args)
	run = tonumber(args[1]) or 0
	slugs = {}
	for slug in string.gmatch(args[2] or "", "[^,]+") do
		table.insert(slugs, slug)
	end
	sent = 0
	published = 0
	held = 0
	other = 0
end

local text = "Wake up people, the council sold the river park to developers, sign the petition now"

local variants = {
	function(n) return text end,
	function(n) return string.upper(text) end,
	function(n) return text .. " " .. n end,
	function(n) return string.gsub(text, ",", " --") .. "!!" end,
}

function request()
	sent = sent + 1
	local n = sent
	local address = string.format("%d.%d.%d.%d", 20 + (run % 25) * 8 + (tid % 8), math.floor(n / 65536) % 256,
		math.floor(n / 256) % 256, n % 256)
	local body = string.format(
		'{"parentId":null,"author":{"name":"Raider %d-%d-%d","email":"raider-%d-%d-%d@example.org","url":null},"body":"%s"}',
		run, tid, n, run, tid, n, variants[n % #variants + 1](n))
	local slug = slugs[n % #slugs + 1]
	return wrk.format("POST", "/api/v1/articles/" .. slug .. "/comments", {
		["Content-Type"] = "application/json",
		["Accept"] = "application/json",
		["X-Forwarded-For"] = address,
	}, body)
end

function response(status, headers, body)
	if status == 201 then
		published = published + 1
	elseif status == 202 then
		held = held + 1
	else
		other = other + 1
	end
end

function done(summary, latency, requests)
	local s, p, h, o = 0, 0, 0, 0
	for _, thread in ipairs(threads) do
		s = s + thread:get("sent")
		p = p + thread:get("published")
		h = h + thread:get("held")
		o = o + thread:get("other")
	end
	io.write(string.format("POSTS sent=%d published=%d held=%d other=%d\n", s - 1, p, h, o))
end
