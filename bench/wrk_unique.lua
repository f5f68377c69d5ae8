-- A new URL for every request: "{n}" in the path template (the argument after "--") becomes a value no other
-- request of the run used. The figures are printed by wrk_report.lua, beside this script.
dofile(string.match(debug.getinfo(1, "S").source, "^@(.*/)") .. "wrk_report.lua")

local template = "/"
local counter = 0
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

init = function(args)
  template = args[1]
end

request = function()
  counter = counter + 1
  local path = string.gsub(template, "{n}", thread_number .. "x" .. counter)
  return wrk.format("GET", path)
end
