/** The Porter2 stemmer shipped inside wink-eng-lite-web-model, loaded alone (without the language model). */
declare module 'wink-eng-lite-web-model/dist/porter-stemmer.js' {
  const stem: (word: string) => string;
  export default stem;
}
