/**
 * The assessment instrument as Polku ships it, version 1: every item of every domain, worded in plain
 * language an interpreter can carry, natural Finnish first. Migration 0018 stores it in the vault; from then on the
 * vault's copy is the instrument, and this module is only the seed.
 *
 * FROZEN once released: an assessment made under version 1 must read tomorrow as it read when it was made. A new
 * wording, a new item or an item taken away is a new version (stored beside this one), never an edit here.
 */
import type { InstrumentDefinition, InstrumentItem, ScaleKind, Wording } from '@shared/assessments';

const w = (fi: string, sv: string, en: string): Wording => ({ fi, sv, en });

const item = (
  id: string,
  scale: ScaleKind,
  wording: Wording,
  guidance: Wording | null = null,
  raters: InstrumentItem['raters'] = ['caseworker'],
): InstrumentItem => ({ id, domain: id.split('.')[0] as InstrumentItem['domain'], scale, raters, wording, guidance });

const BOTH: InstrumentItem['raters'] = ['participant', 'caseworker'];

export const INSTRUMENT_V1: InstrumentDefinition = {
  version: 1,
  scales: {
    // The levels of the Finnish adaptation of the CEFR, as Finnish teaching names them (fi), said plainly (sv, en).
    cefr: [
      { score: 0, code: 'preA1', label: w('Ei vielä A1.1', 'Ännu inte A1.1', 'Not yet A1.1') },
      { score: 1, code: 'A1.1', label: w('A1.1 Kielitaidon alkeet', 'A1.1 Språkets första grunder', 'A1.1 First basics') },
      {
        score: 2,
        code: 'A1.2',
        label: w('A1.2 Kehittyvä alkeiskielitaito', 'A1.2 Växande grundfärdighet', 'A1.2 Growing basics'),
      },
      { score: 3, code: 'A1.3', label: w('A1.3 Toimiva alkeiskielitaito', 'A1.3 Fungerande grunder', 'A1.3 Working basics') },
      {
        score: 4,
        code: 'A2.1',
        label: w('A2.1 Peruskielitaidon alkuvaihe', 'A2.1 Början av grundläggande språkfärdighet', 'A2.1 Early basic user'),
      },
      {
        score: 5,
        code: 'A2.2',
        label: w('A2.2 Kehittyvä peruskielitaito', 'A2.2 Växande grundläggande språkfärdighet', 'A2.2 Growing basic user'),
      },
      {
        score: 6,
        code: 'B1.1',
        label: w('B1.1 Toimiva peruskielitaito', 'B1.1 Fungerande grundläggande språkfärdighet', 'B1.1 Working independent user'),
      },
      {
        score: 7,
        code: 'B1.2',
        label: w('B1.2 Sujuva peruskielitaito', 'B1.2 Flytande grundläggande språkfärdighet', 'B1.2 Fluent independent user'),
      },
      {
        score: 8,
        code: 'B2.1',
        label: w('B2.1 Itsenäisen kielitaidon perustaso', 'B2.1 Självständig språkfärdighet, grundnivå', 'B2.1 Independent user'),
      },
      {
        score: 9,
        code: 'B2.2',
        label: w(
          'B2.2 Toimiva itsenäinen kielitaito',
          'B2.2 Fungerande självständig språkfärdighet',
          'B2.2 Confident independent user',
        ),
      },
      {
        score: 10,
        code: 'C1.1',
        label: w('C1.1 Taitavan kielitaidon perustaso', 'C1.1 Avancerad språkfärdighet, grundnivå', 'C1.1 Proficient user'),
      },
    ],
    independence: [
      { score: 1, code: 'notYet', label: w('En osaa vielä', 'Kan inte ännu', 'Not yet') },
      { score: 2, code: 'withHelp', label: w('Osaan, kun joku auttaa', 'Kan med hjälp', 'With help') },
      { score: 3, code: 'alone', label: w('Osaan itse', 'Kan själv', 'On my own') },
      { score: 4, code: 'canHelpOthers', label: w('Osaan neuvoa muitakin', 'Kan hjälpa andra', 'Can help others') },
    ],
    check: [
      { score: 0, code: 'no', label: w('Ei', 'Nej', 'No') },
      { score: 1, code: 'partly', label: w('Osittain', 'Delvis', 'Partly') },
      { score: 2, code: 'yes', label: w('Kyllä', 'Ja', 'Yes') },
    ],
    ladder: [
      { score: 1, code: '1', label: w('1 Ei pidä lainkaan paikkaansa', '1 Stämmer inte alls', '1 Not true for me at all') },
      { score: 2, code: '2', label: w('2 Pitää vähän paikkansa', '2 Stämmer lite', '2 A little true for me') },
      { score: 3, code: '3', label: w('3 Pitää osittain paikkansa', '3 Stämmer delvis', '3 Partly true for me') },
      { score: 4, code: '4', label: w('4 Pitää enimmäkseen paikkansa', '4 Stämmer för det mesta', '4 Mostly true for me') },
      { score: 5, code: '5', label: w('5 Pitää täysin paikkansa', '5 Stämmer helt', '5 Completely true for me') },
    ],
  },
  items: [
    item(
      'finnish.listening',
      'cefr',
      w('Kuullun ymmärtäminen', 'Hörförståelse', 'Listening'),
      w(
        'Ymmärtääkö osallistuja, kun hänelle puhutaan suomea? Käytä kielikoulutuksen arviota, jos se on.',
        'Förstår deltagaren när någon talar finska till hen? Använd språkutbildningens bedömning om den finns.',
        'Does the participant understand when spoken to in Finnish? Use the language course’s assessment if there is one.',
      ),
    ),
    item('finnish.speaking', 'cefr', w('Puhuminen', 'Tala', 'Speaking')),
    item('finnish.reading', 'cefr', w('Luetun ymmärtäminen', 'Läsförståelse', 'Reading')),
    item('finnish.writing', 'cefr', w('Kirjoittaminen', 'Skriva', 'Writing')),

    item(
      'digital.devices',
      'independence',
      w('Puhelimen ja tietokoneen käyttö', 'Använda telefon och dator', 'Using a phone and a computer'),
    ),
    item(
      'digital.email',
      'independence',
      w('Sähköpostin lukeminen ja lähettäminen', 'Läsa och skicka e-post', 'Reading and sending e-mail'),
    ),
    item(
      'digital.strongId',
      'independence',
      w(
        'Vahva tunnistautuminen ja verkkopankki',
        'Stark elektronisk identifiering och nätbank',
        'Strong electronic identification and online banking',
      ),
    ),
    item(
      'digital.jobPortals',
      'independence',
      w('Työpaikkasivustojen käyttö', 'Använda jobbportaler på nätet', 'Using job portals online'),
    ),
    item(
      'digital.documents',
      'independence',
      w('Asiakirjan kirjoittaminen ja tallentaminen', 'Skriva och spara ett dokument', 'Writing and saving a document'),
    ),
    item('digital.videoCalls', 'independence', w('Videopuhelut', 'Videosamtal', 'Video calls')),
    item(
      'digital.safety',
      'independence',
      w(
        'Turvallisuus verkossa: salasanat ja huijausten tunnistaminen',
        'Säkerhet på nätet: lösenord och att känna igen bedrägerier',
        'Staying safe online: passwords and spotting scams',
      ),
    ),

    item(
      'rights.minimumTerms',
      'check',
      w(
        'Tiedätkö, mitkä ovat työn vähimmäisehdot: palkka, työaika ja lomat?',
        'Vet du vilka minimivillkor som gäller i ett arbete: lön, arbetstid och semester?',
        'Do you know the minimum terms of a job: pay, working hours and holidays?',
      ),
    ),
    item(
      'rights.paySlip',
      'check',
      w(
        'Osaatko lukea palkkalaskelman ja tarkistaa tehdyt tunnit?',
        'Kan du läsa en lönespecifikation och kontrollera dina arbetade timmar?',
        'Can you read a pay slip and check the hours you worked?',
      ),
    ),
    item(
      'rights.whereToTurn',
      'check',
      w(
        'Tiedätkö, mistä saat apua, jos työssä on ongelmia: ammattiliitto, työsuojeluviranomainen, oikeusapu?',
        'Vet du var du får hjälp om det finns problem i arbetet: fackförbund, arbetarskyddsmyndigheten, rättshjälp?',
        'Do you know where to get help if there are problems at work: a trade union, the occupational safety authority, legal aid?',
      ),
    ),
    item(
      'rights.contract',
      'check',
      w(
        'Tiedätkö, mitä kirjallisessa työsopimuksessa pitää lukea?',
        'Vet du vad som ska stå i ett skriftligt arbetsavtal?',
        'Do you know what a written employment contract must say?',
      ),
    ),

    item('jobSearch.cv', 'independence', w('Ansioluettelon (CV) tekeminen', 'Göra en meritförteckning (cv)', 'Making a CV')),
    item(
      'jobSearch.application',
      'independence',
      w('Työhakemuksen kirjoittaminen', 'Skriva en arbetsansökan', 'Writing a job application'),
    ),
    item(
      'jobSearch.interview',
      'independence',
      w('Työhaastattelussa toimiminen', 'Klara en anställningsintervju', 'Taking part in a job interview'),
    ),
    item(
      'jobSearch.portals',
      'independence',
      w(
        'Työpaikkojen etsiminen ja hakeminen verkossa',
        'Hitta och söka lediga jobb på nätet',
        'Finding and applying for jobs online',
      ),
    ),
    item(
      'jobSearch.network',
      'independence',
      w(
        'Omien tuttujen avulla töiden etsiminen',
        'Söka jobb med hjälp av egna kontakter',
        'Finding work through people you know',
      ),
    ),

    item(
      'everydayLife.housing',
      'independence',
      w(
        'Asumisen asiat: vuokra, vuokrasopimus, vikailmoitukset',
        'Boendet: hyra, hyresavtal, felanmälan',
        'Housing: rent, tenancy agreement, reporting faults',
      ),
    ),
    item('everydayLife.money', 'independence', w('Raha ja laskut', 'Pengar och räkningar', 'Money and bills')),
    item(
      'everydayLife.health',
      'independence',
      w('Terveyspalvelujen käyttö', 'Använda hälsovårdstjänster', 'Using health services'),
    ),
    item(
      'everydayLife.transport',
      'independence',
      w('Liikkuminen julkisilla kulkuneuvoilla', 'Åka kollektivt', 'Getting around by public transport'),
    ),
    item(
      'everydayLife.authorities',
      'independence',
      w(
        'Asiointi viranomaisten kanssa, esimerkiksi Kela ja työvoimapalvelut',
        'Ärenden hos myndigheter, till exempel FPA och arbetskraftstjänsterna',
        'Dealing with authorities, for example Kela and the employment services',
      ),
    ),

    item(
      'selfConfidence.sameRights',
      'ladder',
      w(
        'Uskon, että minulla on työssä samat oikeudet kuin kenellä tahansa.',
        'Jag tror att jag har samma rättigheter i arbetet som alla andra.',
        'I believe I have the same rights at work as anyone.',
      ),
      null,
      BOTH,
    ),
    item(
      'selfConfidence.fairJob',
      'ladder',
      w(
        'Uskon, että voin saada turvallisen ja reilun työn.',
        'Jag tror att jag kan få ett tryggt och rättvist arbete.',
        'I believe I can get a safe and fair job.',
      ),
      null,
      BOTH,
    ),
    item(
      'selfConfidence.askForHelp',
      'ladder',
      w(
        'Uskallan pyytää apua, kun tarvitsen sitä.',
        'Jag vågar be om hjälp när jag behöver det.',
        'I dare to ask for help when I need it.',
      ),
      null,
      BOTH,
    ),
    item(
      'selfConfidence.sayNo',
      'ladder',
      w(
        'Uskallan sanoa ei, jos työ tai sen ehdot eivät ole oikein.',
        'Jag vågar säga nej om arbetet eller villkoren inte är rätt.',
        'I dare to say no if a job or its terms are not right.',
      ),
      null,
      BOTH,
    ),
    item(
      'selfConfidence.ownSkills',
      'ladder',
      w(
        'Tiedän, mitä osaan, ja osaan kertoa siitä muille.',
        'Jag vet vad jag kan och kan berätta om det för andra.',
        'I know what I am good at and can tell others about it.',
      ),
      null,
      BOTH,
    ),

    item(
      'history.work',
      'text',
      w(
        'Työhistoria: missä ja millaisissa töissä olet ollut?',
        'Arbetshistoria: var och med vad har du arbetat?',
        'Work history: where have you worked, and doing what?',
      ),
      w(
        'Kirjaa vain se, mitä osallistuja haluaa kertoa. Hyväksikäyttöön liittyvät yksityiskohdat eivät kuulu tähän.',
        'Anteckna bara det som deltagaren vill berätta. Detaljer om utnyttjandet hör inte hit.',
        'Write down only what the participant wants to tell. Details of the exploitation do not belong here.',
      ),
    ),
    item(
      'history.education',
      'text',
      w(
        'Koulutus: mitä olet opiskellut ja missä?',
        'Utbildning: vad har du studerat och var?',
        'Education: what have you studied, and where?',
      ),
    ),
    item(
      'history.wishes',
      'text',
      w(
        'Toiveet: millaista työtä tai opiskelua toivot?',
        'Önskemål: vilket arbete eller vilka studier önskar du dig?',
        'Wishes: what kind of work or studies do you wish for?',
      ),
    ),
  ],
};
