"""The hostile article of the security tests (markup where text is expected)."""

# An article as a hostile page would send it: markup, an event handler, a javascript: URL and
# entities in title, text and url. Its first sentence is an event, so it is in the table.
XSS_TITLE = "<script>window.__xss = 'title'</script>Russia &amp; <b>Syria</b> <img src=x onerror=\"window.__xss='img-title'\">"
XSS_TEXT = (
    "Russian warplanes bombed rebel positions in Idlib on Sunday.\n\n"
    "<script>window.__xss = 'body'</script> <img src=x onerror=\"window.__xss='img-body'\"> "
    "<a href=\"javascript:window.__xss='link'\">click</a> Tom &amp; Jerry &lt;3 &#x3C;i&#x3E;"
)
XSS_URL = "javascript:window.__xss='url'"
