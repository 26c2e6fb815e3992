Sign in to wapi-analytics (${organization})

Open this link to sign in:
${link}

It works once, within ${minutes} minutes. If you did not ask for it, ignore this email: nobody can sign in without it.
