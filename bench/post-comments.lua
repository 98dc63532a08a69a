-- wrk script: every request POSTs a new top-level comment as a different reader, so that the flood limit
-- (one comment per address and per e-mail every 10 s) never applies. Each wrk thread numbers its own
-- requests; the thread number and the run number (the script's argument: give every wrk run within 10 s of
-- another a different one) go into the address and the e-mail, so no two requests share either.
-- Usage: wrk -t2 -c32 -d20s -s post-comments.lua http://127.0.0.1:PORT/api/v1/articles/SLUG/comments -- RUN [IDS]
-- With IDS, each wrk thread writes the id of every acknowledged comment (201 or 202) to IDS-<thread>.txt, one
-- a line with its status, so that a script can check afterwards that every one was stored.

local threads = {}
local next_id = 0

function setup(thread)
	next_id = next_id + 1
	thread:set("tid", next_id)
	table.insert(threads, thread)
end

function init(args)
	run = tonumber(args[1]) or 0
	sent = 0
	created = 0
	accepted = 0
	other = 0
	first_other = ""
	if args[2] then
		ids = io.open(args[2] .. "-" .. tid .. ".txt", "w")
		ids:setvbuf("line")
	end
end

local sentences = {
	"I read this twice and still *disagree* with the second half.",
	"The figures in the third paragraph match what [the council published](https://example.org/council/minutes).",
	"Thanks for writing this up.",
	"Does anyone know whether the **new rules** apply to renters as well?",
	"My street had the same problem last winter.",
}

function request()
	sent = sent + 1
	local n = sent
	-- (run, thread) in the first octet, n in the other three: 16.7 million distinct addresses per thread.
	local address = string.format("%d.%d.%d.%d", 20 + (run % 25) * 8 + (tid % 8), math.floor(n / 65536) % 256,
		math.floor(n / 256) % 256, n % 256)
	local body = string.format(
		'{"parentId":null,"author":{"name":"Reader %d-%d-%d","email":"reader-%d-%d-%d@example.org","url":null},"body":"%s %s"}',
		run, tid, n, run, tid, n, sentences[n % #sentences + 1], sentences[(n * 7) % #sentences + 1])
	return wrk.format("POST", nil, {
		["Content-Type"] = "application/json",
		["Accept"] = "application/json",
		["X-Forwarded-For"] = address,
	}, body)
end

function response(status, headers, body)
	if status == 201 or status == 202 then
		if status == 201 then
			created = created + 1
		else
			accepted = accepted + 1
		end
		if ids then
			local id = string.match(body or "", '"id":(%d+)')
			ids:write((id or "?") .. " " .. status .. "\n")
		end
	else
		other = other + 1
		if first_other == "" then
			first_other = status .. " " .. string.sub(body or "", 1, 200)
		end
	end
end

function done(summary, latency, requests)
	local s, c, a, o = 0, 0, 0, 0
	local firsts = ""
	for _, thread in ipairs(threads) do
		s = s + thread:get("sent")
		c = c + thread:get("created")
		a = a + thread:get("accepted")
		o = o + thread:get("other")
		local f = thread:get("first_other")
		if f ~= "" then
			firsts = f
		end
	end
	-- wrk calls request() once more on its first thread, before the run, to check the script, and never
	-- sends that request (script_verify_request in wrk's source): it is not counted as sent.
	io.write(string.format("POSTS sent=%d created=%d accepted=%d other=%d\n", s - 1, c, a, o))
	if firsts ~= "" then
		io.write("POSTS first-error: " .. string.gsub(firsts, "\n", " ") .. "\n")
	end
end
