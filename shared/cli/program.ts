/** The CLI's command name, in its own module so that messages can name it without loading the help text. */
export const PROGRAM = 'invicti-appsec';
