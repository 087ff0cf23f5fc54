/** Said once, visibly: replaying a web session's token is a testing shortcut, not an integration. */
export function TestingOnlyNote() {
  return (
    <p className="testing-note" data-testid="testing-only-note">
      <strong>For testing only.</strong> Tokens are credentials: anyone holding one acts as you until it expires. They are kept in memory only (never on disk,
      gone when the browser closes) and sent nowhere but to the MCP server you test. Replaying a token captured from a web page is a testing shortcut — MCP
      clients must get their own tokens through OAuth.
    </p>
  );
}
