"""The seed's own kind of client: the Python MCP SDK's ClientSession, as a user writes it to
test a server by hand, over stdio or Streamable HTTP.

    python python-echo.py <calls> <command> [args...]     # stdio
    python python-echo.py <calls> --url <url>             # Streamable HTTP

Calls the `echo` tool <calls> times with {"text": "hi"} and exits 1 unless every result is
the text "hi" and not a tool error.
"""

import asyncio
import sys

from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client


async def echo_calls(calls: int, transport) -> None:
    async with transport as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        for _ in range(calls):
            result = await session.call_tool("echo", {"text": "hi"})
            text = result.content[0].text if result.content else None
            if result.is_error or text != "hi":
                sys.exit(f"unexpected result: {result!r}")


def main() -> None:
    calls, command, *args = sys.argv[1:]
    if command == "--url":
        transport = streamable_http_client(args[0])
    else:
        transport = stdio_client(StdioServerParameters(command=command, args=args))
    asyncio.run(echo_calls(int(calls), transport))


if __name__ == "__main__":
    main()
