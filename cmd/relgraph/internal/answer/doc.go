// Package answer asks relgraph's questions the way both of its front ends do: the command line and
// the web server of 'relgraph serve'. Each question takes a View (the filtered graph and a description
// of its filters) and the names and settings a user gave, resolves the names as users type them (ids,
// names, aliases, diacritics; a capital for its country; an actor's people and firms as the actor),
// asks package query, and returns an answer that holds what the text form needs and, through its JSON
// method, the shape of --json and of the server's API. Neither front end re-implements a question.
//
// Errors a user's input causes are *InputError (the command exits 2, the server answers 400); an
// unknown actor is a *graph.UnknownActorError inside a *NameError (exit 1, 404). An actor without
// links under the filters is not an error: the answer carries a message saying so.
package answer
