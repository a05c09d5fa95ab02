"""Input people (and attackers) really type, for the form and the browser tests."""

HOSTILE_TEXTS = {
    "script-tag": "<script>window.__pwned = 1; alert('xss')</script>",
    "event-handler": '<img src=x onerror="window.__pwned=1;alert(1)"> <b onmouseover=alert(1)>hover</b>',
    "javascript-url": '<a href="javascript:window.__pwned=1;alert(1)">click</a> javascript:alert(1)',
    "svg": '<svg onload="window.__pwned=1;alert(1)"><script>alert(1)</script></svg>',
    "attribute-break": '"><script>alert(1)</script><p title="',
    "template-syntax": "{{ settings.SECRET_KEY }} {% debug %} {% load static %} {{ request.META }}",
    "sql": "'; DROP TABLE comments_comment; -- \" OR 1=1 --",
    "markdown-image": "![tracker](https://evil.example/pixel.png) [link](javascript:alert(1))",
    "long-line": "A" * 10_000,
    "rtl-override": "Deadline \u202etxt.exe\u202c is near; \u2067isolated\u2069",
    "zero-width": "Zero\u200bwidth\u200c joiner\u200d and \ufeffBOM",
    "accents-spanish": "¿Dónde está la reunión? Mañana, señora Núñez — ¡gracias!",
    "rtl-scripts": "شكرا لكم على هذه الصفحة. תודה רבה.",
    "emoji": "Wear blue 💙🧡 👩🏽‍👧🏽 🇲🇽 and ZWJ 🏳️‍🌈",
    "line-breaks": "First line\r\nSecond line\r\n\r\nAfter an empty line",
    "html-entities": "&lt;script&gt; &amp; &#x3C;b&#x3E; &#0000060;",
    "css-injection": "<style>body{display:none}</style><link rel=stylesheet href=//evil.example/x.css>",
    "iframe": '<iframe src="javascript:alert(1)"></iframe><object data=x></object>',
}

# Sent as raw bytes: refused by the form with a message, never a server error.
REFUSED_TEXTS = {
    "null-byte": "before\x00after",
    "too-long": "B" * 10_001,
}
INVALID_UTF8 = b"caf\xc3 \xff\xfe broken"
