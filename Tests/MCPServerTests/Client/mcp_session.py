"""Drives `rmq-doctor mcp` with the official MCP Python SDK, for MCPServerTests.

Usage: mcp_session.py PLAN.json
PLAN: {"command": [binary, "mcp", ...], "env": {...}, "steps": [step, ...]}, each step one of
  {"op": "list_tools"}, {"op": "list_resources"}, {"op": "read_resource", "uri": URI},
  {"op": "call", "tool": NAME, "arguments": {...}}.
Prints one JSON object on stdout: {"server": initialize's server info, "results": [...]}, one
result per step, in order. A step that raises is recorded with its error, not fatal.
"""

import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from pydantic import AnyUrl


async def run_step(session, step):
    op = step["op"]
    if op == "list_tools":
        listed = await session.list_tools()
        return {"tools": [{"name": t.name, "inputSchema": t.inputSchema} for t in listed.tools]}
    if op == "list_resources":
        listed = await session.list_resources()
        return {"resources": [{"uri": str(r.uri), "mimeType": r.mimeType} for r in listed.resources]}
    if op == "read_resource":
        read = await session.read_resource(AnyUrl(step["uri"]))
        return {"texts": [c.text for c in read.contents if hasattr(c, "text")]}
    if op == "call":
        result = await session.call_tool(step["tool"], step.get("arguments", {}))
        return {
            "isError": bool(result.isError),
            "structured": result.structuredContent,
            "texts": [c.text for c in result.content if c.type == "text"],
        }
    raise ValueError(f"unknown op {op}")


async def main(plan_path):
    with open(plan_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    command = plan["command"]
    params = StdioServerParameters(command=command[0], args=command[1:], env=plan.get("env"))
    results = []
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            for step in plan["steps"]:
                try:
                    results.append({"ok": True, **(await run_step(session, step))})
                except Exception as error:  # recorded for the Swift test to judge
                    results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
    json.dump({"server": init.serverInfo.name, "results": results}, sys.stdout)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
