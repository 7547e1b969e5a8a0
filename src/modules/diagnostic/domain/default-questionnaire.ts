/**
 * The default digital-maturity questionnaire for small retailers (50 employees or fewer): nine
 * dimensions, French first, in plain words. Online marketing and sales, the heart of the program,
 * weighs three times as much as each other dimension. Single-choice answers go from the weakest
 * situation (0) to the strongest (100); multiple-choice questions give points to each ticked choice,
 * with a "none" choice worth 0. A few questions are shown only after a better answer to an earlier one
 * (for example, questions on the website only to shops that have one).
 *
 * Administrators publish their own versions from this starting point; it must keep passing
 * `questionnaireContentSchema` (see default-content.test.ts).
 */
import type { QuestionnaireContent } from './questionnaire.ts';

export const DEFAULT_QUESTIONNAIRE: QuestionnaireContent = {
  dimensions: [
    // ─── 1. Strategy ─────────────────────────────────────────────────────────────────────────────
    {
      id: 'strategy',
      label: { fr: 'Stratégie numérique et gouvernance', en: 'Digital strategy and governance' },
      description: {
        fr: "Savoir où vous voulez aller avec le numérique : des objectifs clairs, une personne qui s'en occupe, un budget et un suivi régulier.",
        en: 'Knowing where you want to go with digital: clear goals, someone in charge, a budget and regular follow-up.',
      },
      weight: 1,
      questions: [
        {
          id: 'strategy_goals',
          label: {
            fr: 'Avez-vous des objectifs pour le numérique dans votre commerce?',
            en: 'Do you have goals for digital in your shop?',
          },
          help: {
            fr: "Un objectif, c'est par exemple « 10 % de nos ventes en ligne d'ici deux ans » ou « 200 abonnés à notre infolettre d'ici l'été ». Des objectifs clairs aident à choisir les bons outils et à ne pas dépenser pour rien.",
            en: 'A goal is, for example, "10% of our sales online within two years" or "200 newsletter subscribers by summer". Clear goals help you choose the right tools and avoid spending for nothing.',
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: {
                fr: "Nous n'avons pas d'objectifs pour le numérique",
                en: 'We have no goals for digital',
              },
              score: 0,
            },
            {
              id: 'ideas',
              label: {
                fr: "Nous avons des idées, mais rien n'est écrit",
                en: 'We have ideas, but nothing is written down',
              },
              score: 33,
            },
            {
              id: 'written',
              label: {
                fr: 'Nous avons quelques objectifs écrits, sans chiffres précis',
                en: 'We have a few written goals, without precise figures',
              },
              score: 67,
            },
            {
              id: 'measurable',
              label: {
                fr: 'Nous avons des objectifs écrits et chiffrés, que nous revoyons au moins une fois par année',
                en: 'We have written goals with figures, which we review at least once a year',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'strategy_owner',
          label: {
            fr: "Qui s'occupe du numérique dans votre commerce?",
            en: 'Who looks after digital in your shop?',
          },
          help: {
            fr: "Le numérique avance quand une personne en est clairement responsable : elle décide, fait le suivi et rend compte des résultats, même si d'autres l'aident.",
            en: 'Digital moves forward when one person is clearly in charge: they decide, follow up and report on results, even if others help.',
          },
          type: 'single',
          choices: [
            {
              id: 'nobody',
              label: {
                fr: "Personne en particulier : on s'en occupe quand on a le temps",
                en: 'No one in particular: we deal with it when we have time',
              },
              score: 0,
            },
            {
              id: 'informal',
              label: {
                fr: "Une personne s'en occupe, sans que ce soit vraiment son rôle",
                en: 'Someone handles it, without it really being their role',
              },
              score: 33,
            },
            {
              id: 'designated',
              label: {
                fr: 'Une personne en est responsable, et tout le monde le sait',
                en: 'One person is responsible for it, and everyone knows it',
              },
              score: 67,
            },
            {
              id: 'reviewed',
              label: {
                fr: 'Une personne en est responsable et nous faisons le point ensemble au moins une fois par mois',
                en: 'One person is responsible for it and we review progress together at least once a month',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'strategy_budget',
          label: {
            fr: 'Avez-vous un budget pour le numérique (outils, logiciels, site Web, aide externe)?',
            en: 'Do you have a budget for digital (tools, software, website, outside help)?',
          },
          help: {
            fr: "Il s'agit de l'argent prévu chaque année pour vos outils numériques et l'aide d'experts. Un budget prévu à l'avance évite les dépenses improvisées et permet de comparer ce que chaque dépense rapporte.",
            en: 'This is the money set aside each year for your digital tools and expert help. A budget planned ahead avoids improvised spending and lets you compare what each expense brings in.',
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: {
                fr: 'Nous dépensons très peu pour le numérique, sans budget',
                en: 'We spend very little on digital, with no budget',
              },
              score: 0,
            },
            {
              id: 'ad_hoc',
              label: {
                fr: 'Nous dépensons au besoin, sans budget prévu',
                en: 'We spend as needed, with no planned budget',
              },
              score: 33,
            },
            {
              id: 'planned',
              label: { fr: 'Nous avons un budget annuel prévu', en: 'We have a planned annual budget' },
              score: 67,
            },
            {
              id: 'tracked',
              label: {
                fr: 'Nous avons un budget annuel et nous vérifions ce que chaque dépense rapporte',
                en: 'We have an annual budget and check what each expense brings in',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 2. Online presence ──────────────────────────────────────────────────────────────────────
    {
      id: 'presence',
      label: { fr: 'Présence en ligne', en: 'Online presence' },
      description: {
        fr: 'Être facile à trouver en ligne : site Web, fiche Google, annuaires et avis de clients.',
        en: 'Being easy to find online: website, Google Business Profile, directories and customer reviews.',
      },
      weight: 1,
      questions: [
        {
          id: 'presence_website',
          label: { fr: 'Avez-vous un site Web?', en: 'Do you have a website?' },
          help: {
            fr: "Votre site Web est une vitrine ouverte jour et nuit. C'est souvent là que les clients vérifient vos produits, vos heures et votre adresse avant de se déplacer.",
            en: 'Your website is a shop window open day and night. It is often where customers check your products, hours and address before coming in.',
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: { fr: "Nous n'avons pas de site Web", en: 'We do not have a website' },
              score: 0,
            },
            {
              id: 'social_only',
              label: {
                fr: 'Nous avons seulement une page sur les médias sociaux',
                en: 'We only have a social media page',
              },
              score: 25,
            },
            {
              id: 'basic',
              label: {
                fr: 'Nous avons un site Web simple, rarement mis à jour',
                en: 'We have a simple website, rarely updated',
              },
              score: 50,
            },
            {
              id: 'updated',
              label: {
                fr: 'Nous avons un site Web que nous mettons à jour quelques fois par année',
                en: 'We have a website that we update a few times a year',
              },
              score: 75,
            },
            {
              id: 'current',
              label: {
                fr: 'Notre site Web est à jour et nous y ajoutons du nouveau au moins chaque mois',
                en: 'Our website is up to date and we add something new at least every month',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'presence_website_features',
          label: {
            fr: "Que trouvent vos clients sur votre site Web? Cochez tout ce qui s'applique.",
            en: 'What do customers find on your website? Tick everything that applies.',
          },
          help: {
            fr: "Un bon site Web se lit bien sur un cellulaire, donne les renseignements essentiels en un coup d'œil et montre vos produits. Le cadenas dans la barre d'adresse rassure les visiteurs.",
            en: 'A good website reads well on a mobile phone, gives the essentials at a glance and shows your products. The padlock in the address bar reassures visitors.',
          },
          type: 'multiple',
          condition: { questionId: 'presence_website', choiceIds: ['basic', 'updated', 'current'] },
          choices: [
            {
              id: 'mobile',
              label: { fr: "Il s'affiche bien sur un cellulaire", en: 'It displays well on a mobile phone' },
              score: 20,
            },
            {
              id: 'essentials',
              label: {
                fr: "L'adresse, les heures et le téléphone sont faciles à trouver",
                en: 'The address, hours and phone number are easy to find',
              },
              score: 20,
            },
            {
              id: 'products',
              label: {
                fr: 'Nos produits y sont présentés avec des photos et des prix',
                en: 'Our products are shown with photos and prices',
              },
              score: 20,
            },
            {
              id: 'secure',
              label: {
                fr: "L'adresse commence par https (un cadenas s'affiche dans le navigateur)",
                en: 'The address starts with https (a padlock shows in the browser)',
              },
              score: 15,
            },
            {
              id: 'contact',
              label: {
                fr: "On peut nous écrire ou s'abonner à notre infolettre à partir du site",
                en: 'Visitors can write to us or subscribe to our newsletter from the site',
              },
              score: 15,
            },
            {
              id: 'french',
              label: {
                fr: 'Tout le contenu est offert en français (et dans une autre langue au besoin)',
                en: 'All content is available in French (and in another language if needed)',
              },
              score: 10,
            },
            { id: 'none', label: { fr: 'Aucun de ces éléments', en: 'None of these' }, score: 0 },
          ],
        },
        {
          id: 'presence_google_profile',
          label: {
            fr: 'Votre commerce a-t-il une fiche Google à jour?',
            en: 'Does your shop have an up-to-date Google Business Profile?',
          },
          help: {
            fr: "La fiche Google (profil d'entreprise Google) apparaît dans les résultats de recherche et dans Google Maps : adresse, heures, photos, avis. Pour un commerce de quartier, c'est souvent la première chose que les clients voient.",
            en: 'Your Google Business Profile appears in search results and in Google Maps: address, hours, photos, reviews. For a neighbourhood shop, it is often the first thing customers see.',
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: {
                fr: "Nous n'en avons pas, ou nous ne savons pas",
                en: 'We do not have one, or we do not know',
              },
              score: 0,
            },
            {
              id: 'unmanaged',
              label: {
                fr: 'Il y en a une, mais nous ne la gérons pas',
                en: 'There is one, but we do not manage it',
              },
              score: 25,
            },
            {
              id: 'managed',
              label: {
                fr: "Nous la gérons, mais elle n'est pas toujours à jour",
                en: 'We manage it, but it is not always up to date',
              },
              score: 50,
            },
            {
              id: 'complete',
              label: {
                fr: 'Elle est complète et à jour (heures, photos, description)',
                en: 'It is complete and up to date (hours, photos, description)',
              },
              score: 75,
            },
            {
              id: 'active',
              label: {
                fr: 'Elle est complète, et nous y ajoutons des photos, des nouvelles ou des offres chaque mois',
                en: 'It is complete, and we add photos, news or offers every month',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'presence_reviews',
          label: {
            fr: 'Que faites-vous des avis que vos clients laissent en ligne?',
            en: 'What do you do with the reviews customers leave online?',
          },
          help: {
            fr: "Les avis (étoiles et commentaires) pèsent lourd dans le choix des clients. Y répondre, même quand ils sont négatifs, montre que vous êtes à l'écoute.",
            en: "Reviews (stars and comments) weigh heavily in customers' choices. Replying, even to negative ones, shows that you listen.",
          },
          type: 'single',
          choices: [
            {
              id: 'unaware',
              label: {
                fr: 'Nous ne savons pas si nous avons des avis',
                en: 'We do not know whether we have reviews',
              },
              score: 0,
            },
            {
              id: 'read',
              label: {
                fr: 'Nous les lisons de temps en temps, sans y répondre',
                en: 'We read them from time to time, without replying',
              },
              score: 33,
            },
            {
              id: 'reply',
              label: {
                fr: 'Nous répondons à la plupart des avis, positifs comme négatifs',
                en: 'We reply to most reviews, positive and negative',
              },
              score: 67,
            },
            {
              id: 'ask_and_reply',
              label: {
                fr: 'Nous répondons à tous les avis et nous invitons nos clients satisfaits à en laisser',
                en: 'We reply to every review and invite satisfied customers to leave one',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'presence_listings',
          label: {
            fr: 'Vos coordonnées (adresse, heures, téléphone) sont-elles les mêmes partout en ligne?',
            en: 'Are your details (address, hours, phone) the same everywhere online?',
          },
          help: {
            fr: "Votre commerce apparaît dans des annuaires en ligne, des applications de cartes et sur le site de votre association de commerçants ou de votre municipalité. Des renseignements différents d'un endroit à l'autre mêlent les clients et nuisent à votre visibilité dans les moteurs de recherche.",
            en: "Your shop appears in online directories, map apps and on the website of your merchants' association or municipality. Details that differ from one place to another confuse customers and hurt your visibility in search engines.",
          },
          type: 'single',
          choices: [
            {
              id: 'unknown',
              label: { fr: "Nous ne l'avons jamais vérifié", en: 'We have never checked' },
              score: 0,
            },
            {
              id: 'some',
              label: {
                fr: 'Nous en avons corrigé quelques-unes, mais pas toutes',
                en: 'We have fixed a few of them, but not all',
              },
              score: 33,
            },
            {
              id: 'main',
              label: {
                fr: 'Elles sont exactes dans les principaux annuaires et applications de cartes',
                en: 'They are accurate in the main directories and map apps',
              },
              score: 67,
            },
            {
              id: 'everywhere',
              label: {
                fr: 'Elles sont exactes partout et nous les changeons dès que quelque chose change (par exemple : les heures des Fêtes)',
                en: 'They are accurate everywhere and we update them as soon as something changes (for example, holiday hours)',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 3. E-commerce and fulfilment ───────────────────────────────────────────────────────────
    {
      id: 'ecommerce',
      label: { fr: 'Commerce en ligne et livraison', en: 'E-commerce and fulfilment' },
      description: {
        fr: 'Vendre en ligne et remettre la marchandise : catalogue en ligne, paiement, livraison, achat en ligne avec cueillette en magasin et places de marché.',
        en: 'Selling online and getting goods to customers: online catalogue, payment, delivery, buy online and pick up in store, and marketplaces.',
      },
      weight: 1,
      questions: [
        {
          id: 'ecommerce_online_sales',
          label: {
            fr: 'Vos clients peuvent-ils acheter vos produits en ligne?',
            en: 'Can your customers buy your products online?',
          },
          help: {
            fr: "Vendre en ligne, c'est permettre au client de choisir et de payer sans se déplacer, que ce soit sur votre site Web, sur une place de marché ou sur les médias sociaux.",
            en: 'Selling online means letting customers choose and pay without coming in, whether on your website, on a marketplace or on social media.',
          },
          type: 'single',
          choices: [
            {
              id: 'no',
              label: {
                fr: 'Non, on ne peut pas acheter chez nous en ligne',
                en: 'No, customers cannot buy from us online',
              },
              score: 0,
            },
            {
              id: 'by_message',
              label: {
                fr: 'Les clients peuvent commander par téléphone, courriel ou message, et le paiement se règle à part',
                en: 'Customers can order by phone, e-mail or message, and payment is handled separately',
              },
              score: 25,
            },
            {
              id: 'some',
              label: {
                fr: 'Nous vendons quelques produits en ligne, avec paiement en ligne',
                en: 'We sell some products online, with online payment',
              },
              score: 50,
            },
            {
              id: 'most',
              label: {
                fr: 'La plupart de nos produits sont en vente en ligne',
                en: 'Most of our products are for sale online',
              },
              score: 75,
            },
            {
              id: 'significant',
              label: {
                fr: "La plupart de nos produits sont en vente en ligne et ces ventes comptent pour une part importante de notre chiffre d'affaires",
                en: 'Most of our products are for sale online and those sales are a significant share of our revenue',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'ecommerce_catalogue',
          label: {
            fr: 'Comment vos produits sont-ils présentés en ligne?',
            en: 'How are your products presented online?',
          },
          help: {
            fr: 'Des photos claires, des descriptions complètes, des prix et des stocks à jour rassurent le client et réduisent les retours et les appels.',
            en: 'Clear photos, full descriptions, and up-to-date prices and stock reassure customers and reduce returns and calls.',
          },
          type: 'single',
          condition: { questionId: 'ecommerce_online_sales', choiceIds: ['some', 'most', 'significant'] },
          choices: [
            {
              id: 'minimal',
              label: { fr: 'Une photo et un prix, sans plus', en: 'A photo and a price, nothing more' },
              score: 0,
            },
            {
              id: 'described',
              label: {
                fr: 'Des photos et une description pour chaque produit',
                en: 'Photos and a description for each product',
              },
              score: 33,
            },
            {
              id: 'stock',
              label: {
                fr: 'Des photos, des descriptions et des stocks affichés qui sont à jour',
                en: 'Photos, descriptions, and displayed stock that is up to date',
              },
              score: 67,
            },
            {
              id: 'rich',
              label: {
                fr: 'Plusieurs photos, des descriptions complètes, des stocks mis à jour automatiquement et des suggestions de produits',
                en: 'Several photos, full descriptions, stock updated automatically and product suggestions',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'ecommerce_fulfilment',
          label: {
            fr: "Comment vos clients peuvent-ils recevoir un achat fait à distance? Cochez tout ce qui s'applique.",
            en: 'How can customers receive something they bought remotely? Tick everything that applies.',
          },
          help: {
            fr: "Plus vous offrez de façons simples de recevoir un achat, plus vous rejoignez de clients. L'achat en ligne avec cueillette en magasin est souvent le plus facile pour commencer : pas d'expédition, et le client revient au magasin.",
            en: 'The more simple ways you offer to receive a purchase, the more customers you reach. Buying online and picking up in store is often the easiest start: no shipping, and the customer comes back to the shop.',
          },
          type: 'multiple',
          choices: [
            {
              id: 'pickup',
              label: { fr: 'Achat en ligne, cueillette en magasin', en: 'Buy online, pick up in store' },
              score: 30,
            },
            {
              id: 'curbside',
              label: { fr: "Cueillette à l'auto ou dans un casier", en: 'Curbside or locker pickup' },
              score: 15,
            },
            {
              id: 'local_delivery',
              label: {
                fr: 'Livraison locale, par nous ou par un service de livraison',
                en: 'Local delivery, by us or by a delivery service',
              },
              score: 25,
            },
            {
              id: 'shipping',
              label: {
                fr: 'Expédition partout au Québec ou au Canada',
                en: 'Shipping anywhere in Québec or Canada',
              },
              score: 30,
            },
            {
              id: 'none',
              label: {
                fr: 'Aucune : les clients doivent venir acheter en magasin',
                en: 'None: customers have to come and buy in the shop',
              },
              score: 0,
            },
          ],
        },
        {
          id: 'ecommerce_payment',
          label: {
            fr: 'Comment vos clients paient-ils une commande faite à distance?',
            en: 'How do customers pay for an order placed remotely?',
          },
          help: {
            fr: 'Un paiement en ligne simple et sécuritaire, au moment de commander, évite les commandes oubliées et vous fait gagner du temps.',
            en: 'A simple, secure online payment at the time of ordering avoids forgotten orders and saves you time.',
          },
          type: 'single',
          choices: [
            {
              id: 'no_orders',
              label: {
                fr: 'Nous ne prenons pas de commandes à distance',
                en: 'We do not take remote orders',
              },
              score: 0,
            },
            {
              id: 'at_pickup',
              label: {
                fr: 'Ils paient en magasin, au moment de la cueillette',
                en: 'They pay in the shop, when they pick up',
              },
              score: 25,
            },
            {
              id: 'transfer',
              label: {
                fr: 'Ils paient par virement bancaire avant la cueillette ou la livraison',
                en: 'They pay by bank transfer before pickup or delivery',
              },
              score: 50,
            },
            {
              id: 'payment_link',
              label: {
                fr: 'Nous leur envoyons un lien de paiement sécurisé par courriel ou texto',
                en: 'We send them a secure payment link by e-mail or text message',
              },
              score: 75,
            },
            {
              id: 'checkout',
              label: {
                fr: 'Ils paient directement en ligne en commandant (carte de crédit ou de débit, portefeuille mobile)',
                en: 'They pay directly online when ordering (credit or debit card, mobile wallet)',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'ecommerce_marketplaces',
          label: {
            fr: 'Vendez-vous sur des places de marché en ligne ou dans une boutique sur les médias sociaux?',
            en: 'Do you sell on online marketplaces or through a social media shop?',
          },
          help: {
            fr: 'Une place de marché est un grand site où plusieurs commerçants vendent, comme un site de vente international ou un regroupement de commerçants québécois. Elle donne accès à beaucoup de clients, mais prend une commission sur chaque vente.',
            en: 'A marketplace is a large website where many merchants sell, such as an international shopping site or a group of Québec merchants. It gives access to many customers, but takes a commission on each sale.',
          },
          type: 'single',
          choices: [
            {
              id: 'no',
              label: {
                fr: 'Non, et nous ne nous sommes pas renseignés',
                en: 'No, and we have not looked into it',
              },
              score: 0,
            },
            {
              id: 'considered',
              label: {
                fr: "Nous y avons pensé, mais nous n'avons pas commencé",
                en: 'We have thought about it, but have not started',
              },
              score: 33,
            },
            {
              id: 'one',
              label: {
                fr: 'Nous vendons sur une place de marché ou dans une boutique sur les médias sociaux',
                en: 'We sell on one marketplace or through a social media shop',
              },
              score: 67,
            },
            {
              id: 'several_synced',
              label: {
                fr: "Nous vendons sur plus d'un de ces canaux, avec des prix et des stocks synchronisés",
                en: 'We sell on more than one of these channels, with prices and stock kept in sync',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 4. Online marketing and sales strategy (the heart of the program) ──────────────────────
    {
      id: 'marketing',
      label: { fr: 'Stratégie de marketing et de vente en ligne', en: 'Online marketing and sales strategy' },
      description: {
        fr: "Le cœur du programme : attirer, convaincre et faire revenir vos clients grâce au numérique, avec un plan, un budget, les moteurs de recherche, les médias sociaux, l'infolettre, la publicité, du contenu utile et la fidélisation.",
        en: 'The heart of the program: attracting, convincing and bringing back customers through digital, with a plan, a budget, search engines, social media, e-mail newsletters, advertising, useful content and loyalty.',
      },
      weight: 3,
      questions: [
        {
          id: 'marketing_plan',
          label: {
            fr: 'Avez-vous un plan de marketing en ligne?',
            en: 'Do you have an online marketing plan?',
          },
          help: {
            fr: "Un plan de marketing dit à qui vous voulez parler, avec quel message, sur quels canaux et à quels moments de l'année (rentrée, Fêtes, soldes, saison touristique). Une seule page suffit pour commencer.",
            en: 'A marketing plan says who you want to reach, with what message, on which channels and at which times of the year (back to school, holidays, sales, tourist season). A single page is enough to start.',
          },
          type: 'single',
          weight: 2,
          choices: [
            {
              id: 'none',
              label: {
                fr: 'Non, nous faisons du marketing en ligne au hasard, ou pas du tout',
                en: 'No, we do online marketing haphazardly, or not at all',
              },
              score: 0,
            },
            {
              id: 'ideas',
              label: {
                fr: "Nous savons à peu près quoi faire, mais rien n'est écrit",
                en: 'We roughly know what to do, but nothing is written down',
              },
              score: 25,
            },
            {
              id: 'calendar',
              label: {
                fr: 'Nous avons un calendrier des promotions et des publications',
                en: 'We have a calendar of promotions and posts',
              },
              score: 50,
            },
            {
              id: 'written',
              label: {
                fr: 'Nous avons un plan écrit : clientèle visée, messages, canaux et calendrier',
                en: 'We have a written plan: target customers, messages, channels and calendar',
              },
              score: 75,
            },
            {
              id: 'revised',
              label: {
                fr: "Nous avons un plan écrit et nous l'ajustons selon les résultats au moins deux fois par année",
                en: 'We have a written plan and adjust it based on results at least twice a year',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_budget',
          label: {
            fr: 'Quelle part de votre budget de marketing va au numérique?',
            en: 'How much of your marketing budget goes to digital?',
          },
          help: {
            fr: "Pensez à tout ce que vous dépensez pour vous faire connaître : circulaires, journaux, radio, publicité en ligne, outils, aide d'une agence. La part numérique est ce qui va aux canaux en ligne.",
            en: 'Think of everything you spend to make yourself known: flyers, newspapers, radio, online ads, tools, agency help. The digital share is what goes to online channels.',
          },
          type: 'single',
          choices: [
            {
              id: 'no_budget',
              label: { fr: "Nous n'avons pas de budget de marketing", en: 'We have no marketing budget' },
              score: 0,
            },
            {
              id: 'almost_none',
              label: {
                fr: 'Nous avons un budget, mais presque rien pour le numérique',
                en: 'We have a budget, but almost nothing for digital',
              },
              score: 25,
            },
            {
              id: 'small',
              label: { fr: 'Une petite part (moins du quart)', en: 'A small share (less than a quarter)' },
              score: 50,
            },
            {
              id: 'good',
              label: {
                fr: 'Une bonne part (du quart à la moitié)',
                en: 'A good share (a quarter to a half)',
              },
              score: 75,
            },
            {
              id: 'most_by_results',
              label: {
                fr: 'La moitié ou plus, répartie selon ce qui rapporte le plus',
                en: 'Half or more, divided according to what brings in the most',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_channels',
          label: {
            fr: "Quels moyens en ligne utilisez-vous au moins une fois par mois pour faire connaître votre commerce et vendre? Cochez tout ce qui s'applique.",
            en: 'Which online means do you use at least once a month to promote your shop and sell? Tick everything that applies.',
          },
          help: {
            fr: "Chaque moyen rejoint des clients différents. Il n'est pas nécessaire de tout faire dès le départ, mais plusieurs moyens bien choisis se renforcent les uns les autres.",
            en: 'Each means reaches different customers. You do not need to do everything from the start, but several well-chosen means reinforce one another.',
          },
          type: 'multiple',
          choices: [
            {
              id: 'social',
              label: { fr: 'Publications sur les médias sociaux', en: 'Social media posts' },
              score: 20,
            },
            { id: 'email', label: { fr: 'Courriels ou infolettre', en: 'E-mails or newsletter' }, score: 20 },
            {
              id: 'ads',
              label: {
                fr: 'Publicité en ligne payante (moteurs de recherche, médias sociaux)',
                en: 'Paid online advertising (search engines, social media)',
              },
              score: 20,
            },
            {
              id: 'search',
              label: {
                fr: 'Textes de notre site pensés pour être trouvés dans les moteurs de recherche',
                en: 'Website text written to be found in search engines',
              },
              score: 15,
            },
            {
              id: 'content',
              label: {
                fr: 'Contenu utile : conseils, vidéos, guides, recettes',
                en: 'Useful content: tips, videos, guides, recipes',
              },
              score: 10,
            },
            {
              id: 'partners',
              label: {
                fr: 'Collaborations en ligne : créateurs de contenu locaux, autres commerces, association de commerçants',
                en: "Online partnerships: local content creators, other shops, merchants' association",
              },
              score: 10,
            },
            {
              id: 'sms',
              label: {
                fr: "Textos aux clients qui ont accepté d'en recevoir",
                en: 'Text messages to customers who agreed to receive them',
              },
              score: 5,
            },
            {
              id: 'none',
              label: { fr: 'Aucun de ces moyens', en: 'None of these' },
              score: 0,
            },
          ],
        },
        {
          id: 'marketing_social',
          label: {
            fr: 'Comment utilisez-vous les médias sociaux pour votre commerce?',
            en: 'How do you use social media for your shop?',
          },
          help: {
            fr: 'Les médias sociaux servent à montrer vos produits, votre équipe et la vie de votre commerce, et à répondre aux questions des clients. La régularité compte plus que la quantité.',
            en: "Social media lets you show your products, your team and life in your shop, and answer customers' questions. Regularity matters more than quantity.",
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: { fr: 'Nous ne sommes pas sur les médias sociaux', en: 'We are not on social media' },
              score: 0,
            },
            {
              id: 'rarely',
              label: {
                fr: 'Nous avons une page, mais nous publions rarement',
                en: 'We have a page, but we rarely post',
              },
              score: 25,
            },
            {
              id: 'weekly',
              label: {
                fr: 'Nous publions au moins une fois par semaine',
                en: 'We post at least once a week',
              },
              score: 50,
            },
            {
              id: 'engaged',
              label: {
                fr: 'Nous publions chaque semaine et nous répondons aux commentaires et aux messages dans la journée',
                en: 'We post every week and answer comments and messages within the day',
              },
              score: 75,
            },
            {
              id: 'planned_measured',
              label: {
                fr: 'Nous publions selon un calendrier, nous répondons vite et nous suivons ce qui fonctionne le mieux (portée, clics, ventes)',
                en: 'We post on a schedule, answer quickly and track what works best (reach, clicks, sales)',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_search',
          label: {
            fr: 'Votre commerce ressort-il quand on cherche vos produits dans votre ville avec un moteur de recherche?',
            en: 'Does your shop come up when people search for your products in your town with a search engine?',
          },
          help: {
            fr: "Le référencement consiste à rendre votre site et votre fiche Google faciles à trouver quand un client cherche, par exemple, « fromagerie Sherbrooke ». Il demande surtout du temps, pas forcément de l'argent.",
            en: 'Search engine optimisation means making your website and Google Business Profile easy to find when a customer searches, for example, "cheese shop Sherbrooke". It mostly takes time, not necessarily money.',
          },
          type: 'single',
          choices: [
            {
              id: 'unknown',
              label: { fr: "Nous ne l'avons jamais vérifié", en: 'We have never checked' },
              score: 0,
            },
            {
              id: 'not_found',
              label: {
                fr: 'Nous avons vérifié : nous ne ressortons pas, ou très loin',
                en: 'We checked: we do not come up, or only far down',
              },
              score: 25,
            },
            {
              id: 'name_only',
              label: {
                fr: 'Nous ressortons quand on cherche notre nom, mais pas nos produits',
                en: 'We come up when people search for our name, but not for our products',
              },
              score: 50,
            },
            {
              id: 'some_products',
              label: {
                fr: 'Nous ressortons en première page pour quelques produits importants',
                en: 'We come up on the first page for a few key products',
              },
              score: 75,
            },
            {
              id: 'worked_on',
              label: {
                fr: 'Nous ressortons en première page pour nos principaux produits et nous y travaillons régulièrement (textes, mots-clés, avis)',
                en: 'We come up on the first page for our main products and work on it regularly (text, keywords, reviews)',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_email_list',
          label: {
            fr: 'Avez-vous une liste de courriels de clients qui ont accepté de recevoir vos nouvelles?',
            en: 'Do you have a list of e-mail addresses of customers who agreed to receive your news?',
          },
          help: {
            fr: 'Votre liste de courriels vous appartient, contrairement à vos abonnés sur les médias sociaux. Pour envoyer des courriels de promotion, il faut le consentement des clients (loi canadienne anti-pourriel).',
            en: "Your e-mail list belongs to you, unlike your social media followers. To send promotional e-mails, you need customers' consent (Canada's anti-spam law).",
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: { fr: "Nous n'avons pas de liste de courriels", en: 'We have no e-mail list' },
              score: 0,
            },
            {
              id: 'small',
              label: {
                fr: 'Nous avons une petite liste (moins de 100 personnes)',
                en: 'We have a small list (fewer than 100 people)',
              },
              score: 33,
            },
            {
              id: 'growing',
              label: {
                fr: "Notre liste compte plus de 100 personnes, et nous invitons les clients à s'abonner en magasin et en ligne",
                en: 'Our list has more than 100 people, and we invite customers to subscribe in the shop and online',
              },
              score: 67,
            },
            {
              id: 'large_consented',
              label: {
                fr: 'Notre liste compte plus de 500 personnes, elle grandit chaque mois et le consentement de chacun est noté',
                en: "Our list has more than 500 people, it grows every month and everyone's consent is recorded",
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_email_use',
          label: {
            fr: 'À quelle fréquence écrivez-vous à votre liste, et que contiennent vos envois?',
            en: 'How often do you write to your list, and what do your messages contain?',
          },
          help: {
            fr: 'Une infolettre régulière, avec des nouveautés, des conseils ou des offres, ramène les clients en magasin et en ligne. Des envois adaptés à chaque groupe de clients donnent de meilleurs résultats.',
            en: 'A regular newsletter, with new arrivals, tips or offers, brings customers back to the shop and online. Messages tailored to each group of customers get better results.',
          },
          type: 'single',
          condition: {
            questionId: 'marketing_email_list',
            choiceIds: ['small', 'growing', 'large_consented'],
          },
          choices: [
            { id: 'rarely', label: { fr: 'Rarement ou jamais', en: 'Rarely or never' }, score: 0 },
            {
              id: 'sales_only',
              label: {
                fr: 'Quelques fois par année, surtout pour annoncer les soldes',
                en: 'A few times a year, mostly to announce sales',
              },
              score: 33,
            },
            {
              id: 'monthly',
              label: {
                fr: 'Au moins une fois par mois, avec des nouveautés, des conseils ou des offres',
                en: 'At least once a month, with new arrivals, tips or offers',
              },
              score: 67,
            },
            {
              id: 'tailored',
              label: {
                fr: "Au moins une fois par mois, avec des messages adaptés aux clients (anniversaire, achats passés) et nous suivons les taux d'ouverture et de clics",
                en: 'At least once a month, with messages tailored to customers (birthday, past purchases), and we track open and click rates',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_ads',
          label: {
            fr: 'Faites-vous de la publicité en ligne payante?',
            en: 'Do you run paid online advertising?',
          },
          help: {
            fr: 'Annonces dans les moteurs de recherche, publications commanditées sur les médias sociaux, bannières sur des sites locaux. Avec un petit budget bien ciblé (par exemple, les gens à moins de 10 km de votre commerce), vous pouvez rejoindre de nouveaux clients.',
            en: 'Search engine ads, sponsored posts on social media, banners on local websites. With a small, well-targeted budget (for example, people within 10 km of your shop), you can reach new customers.',
          },
          type: 'single',
          choices: [
            { id: 'never', label: { fr: 'Non, jamais', en: 'No, never' }, score: 0 },
            {
              id: 'boost',
              label: {
                fr: "À l'occasion, nous payons pour mettre une publication en avant",
                en: 'Now and then, we pay to boost a post',
              },
              score: 33,
            },
            {
              id: 'campaigns',
              label: {
                fr: 'Nous faisons quelques campagnes ciblées par année (lieu, intérêts)',
                en: 'We run a few targeted campaigns a year (location, interests)',
              },
              score: 67,
            },
            {
              id: 'ongoing',
              label: {
                fr: "Nous avons des campagnes toute l'année, avec un budget mensuel",
                en: 'We run campaigns all year round, with a monthly budget',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_ads_results',
          label: {
            fr: 'Comment savez-vous si vos publicités en ligne rapportent?',
            en: 'How do you know whether your online ads pay off?',
          },
          help: {
            fr: "Mesurer, c'est comparer ce que coûte une publicité à ce qu'elle amène : visites du site, appels, visites en magasin, ventes. Vous gardez ce qui fonctionne et vous arrêtez le reste.",
            en: 'Measuring means comparing what an ad costs with what it brings: website visits, calls, shop visits, sales. You keep what works and stop the rest.',
          },
          type: 'single',
          condition: { questionId: 'marketing_ads', choiceIds: ['boost', 'campaigns', 'ongoing'] },
          choices: [
            {
              id: 'unknown',
              label: { fr: 'Nous ne le savons pas vraiment', en: 'We do not really know' },
              score: 0,
            },
            {
              id: 'likes',
              label: {
                fr: "Nous regardons les mentions « J'aime » et le nombre de personnes rejointes",
                en: 'We look at likes and the number of people reached',
              },
              score: 33,
            },
            {
              id: 'clicks',
              label: {
                fr: 'Nous suivons les clics, les appels ou les visites que la publicité amène',
                en: 'We track the clicks, calls or visits the ad brings',
              },
              score: 67,
            },
            {
              id: 'sales',
              label: {
                fr: 'Nous suivons les ventes (en ligne, ou avec un code promo en magasin) et nous les comparons au coût de la publicité',
                en: 'We track sales (online, or with a promo code in the shop) and compare them with what the ad cost',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_content',
          label: {
            fr: 'Créez-vous du contenu utile pour vos clients (conseils, vidéos, guides, recettes)?',
            en: 'Do you create useful content for your customers (tips, videos, guides, recipes)?',
          },
          help: {
            fr: 'Le contenu montre votre savoir-faire : une quincaillerie qui explique comment choisir une peinture, une boutique de vêtements qui propose des agencements. Il attire des clients par les moteurs de recherche et les médias sociaux.',
            en: 'Content shows your know-how: a hardware store explaining how to choose paint, a clothing shop suggesting outfits. It attracts customers through search engines and social media.',
          },
          type: 'single',
          choices: [
            {
              id: 'none',
              label: {
                fr: 'Non, nous montrons surtout nos produits et nos prix, ou rien',
                en: 'No, we mostly show our products and prices, or nothing',
              },
              score: 0,
            },
            {
              id: 'occasional',
              label: {
                fr: "À l'occasion, quand nous avons une idée",
                en: 'Now and then, when we have an idea',
              },
              score: 33,
            },
            {
              id: 'monthly',
              label: {
                fr: 'Régulièrement, au moins une fois par mois',
                en: 'Regularly, at least once a month',
              },
              score: 67,
            },
            {
              id: 'planned_reused',
              label: {
                fr: 'Régulièrement, selon notre calendrier, et nous réutilisons chaque contenu sur plusieurs canaux (site, médias sociaux, infolettre)',
                en: 'Regularly, following our calendar, and we reuse each piece on several channels (website, social media, newsletter)',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'marketing_loyalty',
          label: {
            fr: 'Que faites-vous pour que vos clients reviennent?',
            en: 'What do you do to bring customers back?',
          },
          help: {
            fr: "Un client qui revient coûte bien moins cher à attirer qu'un nouveau client. Un programme de fidélité numérique (carte dans le cellulaire, points liés au courriel) vous aide aussi à mieux connaître vos clients.",
            en: 'A returning customer costs far less to attract than a new one. A digital loyalty program (card on the phone, points linked to an e-mail address) also helps you get to know your customers.',
          },
          type: 'single',
          choices: [
            { id: 'nothing', label: { fr: 'Rien de particulier', en: 'Nothing in particular' }, score: 0 },
            {
              id: 'paper_card',
              label: {
                fr: 'Nous avons une carte de fidélité en papier (carte à poinçonner)',
                en: 'We have a paper loyalty card (punch card)',
              },
              score: 33,
            },
            {
              id: 'digital',
              label: {
                fr: 'Nous avons un programme de fidélité numérique (points, carte dans le cellulaire ou liée au courriel)',
                en: 'We have a digital loyalty program (points, card on the phone or linked to an e-mail address)',
              },
              score: 67,
            },
            {
              id: 'personalised',
              label: {
                fr: "Notre programme numérique nous permet d'envoyer des offres personnalisées, et nous suivons combien de clients reviennent",
                en: 'Our digital program lets us send personalised offers, and we track how many customers come back',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 5. Omnichannel customer experience ─────────────────────────────────────────────────────
    {
      id: 'omnichannel',
      label: { fr: 'Expérience client omnicanal', en: 'Omnichannel customer experience' },
      description: {
        fr: 'Offrir une expérience simple et cohérente, que le client passe par le magasin, le site Web, le téléphone ou les médias sociaux.',
        en: 'Offering a simple, consistent experience whether the customer comes through the shop, the website, the phone or social media.',
      },
      weight: 1,
      questions: [
        {
          id: 'omnichannel_consistency',
          label: {
            fr: 'Vos prix, vos promotions et vos produits sont-ils les mêmes en magasin et en ligne?',
            en: 'Are your prices, promotions and products the same in the shop and online?',
          },
          help: {
            fr: "Un client qui voit un prix en ligne et un autre en magasin perd confiance. La cohérence entre vos canaux est la base d'une bonne expérience.",
            en: 'A customer who sees one price online and another in the shop loses trust. Consistency across your channels is the basis of a good experience.',
          },
          type: 'single',
          choices: [
            {
              id: 'not_online',
              label: {
                fr: "Nous n'affichons pas nos prix en ligne, ou ils diffèrent souvent de ceux du magasin",
                en: "We do not show our prices online, or they often differ from the shop's",
              },
              score: 0,
            },
            {
              id: 'manual',
              label: {
                fr: 'Ils sont habituellement les mêmes, mais nous faisons chaque changement à la main, à plusieurs endroits',
                en: 'They are usually the same, but we make each change by hand, in several places',
              },
              score: 33,
            },
            {
              id: 'consistent',
              label: {
                fr: 'Ils sont les mêmes, sauf exceptions annoncées clairement (par exemple : une offre réservée au Web)',
                en: 'They are the same, except for clearly announced exceptions (for example, a web-only offer)',
              },
              score: 67,
            },
            {
              id: 'synced',
              label: {
                fr: "Ils sont les mêmes partout et se mettent à jour automatiquement à partir d'un seul système",
                en: 'They are the same everywhere and update automatically from a single system',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'omnichannel_stock_visibility',
          label: {
            fr: 'Vos clients peuvent-ils savoir en ligne si un produit est disponible en magasin?',
            en: 'Can customers find out online whether a product is available in the shop?',
          },
          help: {
            fr: 'Beaucoup de clients vérifient la disponibilité avant de se déplacer. Afficher votre inventaire en ligne leur évite un déplacement inutile et attire des clients prêts à acheter.',
            en: 'Many customers check availability before coming in. Showing your stock online spares them a wasted trip and attracts customers who are ready to buy.',
          },
          type: 'single',
          choices: [
            {
              id: 'no',
              label: {
                fr: 'Non, ils doivent appeler ou se déplacer',
                en: 'No, they have to call or come in',
              },
              score: 0,
            },
            {
              id: 'on_request',
              label: {
                fr: 'Ils peuvent nous écrire ou nous appeler, et nous répondons dans la journée',
                en: 'They can write or call us, and we answer within the day',
              },
              score: 33,
            },
            {
              id: 'partial',
              label: {
                fr: "L'inventaire est affiché en ligne pour une partie de nos produits",
                en: 'Stock is shown online for some of our products',
              },
              score: 67,
            },
            {
              id: 'full',
              label: {
                fr: "Oui, l'inventaire de tout le magasin est affiché en ligne et se met à jour automatiquement",
                en: "Yes, the whole shop's stock is shown online and updates automatically",
              },
              score: 100,
            },
          ],
        },
        {
          id: 'omnichannel_contact',
          label: {
            fr: "En plus du téléphone, comment vos clients peuvent-ils vous joindre et obtenir une réponse dans la journée? Cochez tout ce qui s'applique.",
            en: 'Besides the phone, how can customers reach you and get an answer within the day? Tick everything that applies.',
          },
          help: {
            fr: "Cochez seulement les moyens que quelqu'un surveille chaque jour d'ouverture. Les clients s'attendent à pouvoir vous écrire par le moyen qui leur convient.",
            en: 'Tick only the means someone checks every day you are open. Customers expect to be able to write to you in the way that suits them.',
          },
          type: 'multiple',
          choices: [
            { id: 'email', label: { fr: 'Courriel', en: 'E-mail' }, score: 20 },
            {
              id: 'social_messages',
              label: { fr: 'Messagerie des médias sociaux', en: 'Social media messaging' },
              score: 25,
            },
            { id: 'sms', label: { fr: 'Texto', en: 'Text message' }, score: 20 },
            {
              id: 'chat',
              label: { fr: 'Clavardage sur notre site Web', en: 'Chat on our website' },
              score: 20,
            },
            {
              id: 'booking',
              label: {
                fr: 'Prise de rendez-vous ou réservation en ligne',
                en: 'Online appointments or bookings',
              },
              score: 15,
            },
            {
              id: 'none',
              label: {
                fr: 'Aucun : seulement par téléphone ou en personne',
                en: 'None: only by phone or in person',
              },
              score: 0,
            },
          ],
        },
        {
          id: 'omnichannel_customer_view',
          label: {
            fr: "Quand un client vous contacte, votre équipe peut-elle voir ce qu'il a acheté, en magasin comme en ligne?",
            en: 'When a customer contacts you, can your team see what they bought, in the shop and online?',
          },
          help: {
            fr: "Connaître l'historique d'un client permet de bien le conseiller, de régler un problème rapidement et d'accepter en magasin le retour d'un achat fait en ligne.",
            en: "Knowing a customer's history lets you advise them well, solve a problem quickly and accept in-store returns of online purchases.",
          },
          type: 'single',
          choices: [
            {
              id: 'no',
              label: {
                fr: "Non, nous n'avons pas ces renseignements",
                en: 'No, we do not have that information',
              },
              score: 0,
            },
            {
              id: 'searching',
              label: {
                fr: 'Oui, en fouillant dans des factures ou des courriels',
                en: 'Yes, by digging through invoices or e-mails',
              },
              score: 33,
            },
            {
              id: 'separate',
              label: {
                fr: 'Oui, mais dans des systèmes séparés (par exemple : la caisse et la boutique en ligne)',
                en: 'Yes, but in separate systems (for example, the point of sale and the online store)',
              },
              score: 67,
            },
            {
              id: 'unified',
              label: {
                fr: 'Oui, tout est dans une seule fiche client, et un achat en ligne peut être retourné ou échangé en magasin sans difficulté',
                en: 'Yes, everything is in a single customer record, and an online purchase can be returned or exchanged in the shop without hassle',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 6. Data and measurement ────────────────────────────────────────────────────────────────
    {
      id: 'data',
      label: { fr: 'Données et mesure', en: 'Data and measurement' },
      description: {
        fr: 'Suivre les bons chiffres pour prendre de meilleures décisions : statistiques du site et des médias sociaux, indicateurs de vente et connaissance des clients.',
        en: 'Tracking the right figures to make better decisions: website and social media statistics, sales indicators and customer knowledge.',
      },
      weight: 1,
      questions: [
        {
          id: 'data_analytics',
          label: {
            fr: 'Mesurez-vous la fréquentation de votre site Web et de vos médias sociaux?',
            en: 'Do you measure the traffic on your website and social media?',
          },
          help: {
            fr: "Des outils gratuits de statistiques indiquent combien de personnes visitent votre site ou voient vos publications, d'où elles viennent et ce qu'elles regardent.",
            en: 'Free statistics tools show how many people visit your website or see your posts, where they come from and what they look at.',
          },
          type: 'single',
          choices: [
            {
              id: 'no',
              label: { fr: 'Non, ou nous ne savons pas comment', en: 'No, or we do not know how' },
              score: 0,
            },
            {
              id: 'installed',
              label: {
                fr: 'Un outil de statistiques est installé, mais nous le consultons rarement',
                en: 'A statistics tool is installed, but we rarely look at it',
              },
              score: 33,
            },
            {
              id: 'monthly',
              label: {
                fr: 'Nous consultons nos statistiques au moins une fois par mois',
                en: 'We look at our statistics at least once a month',
              },
              score: 67,
            },
            {
              id: 'decisions',
              label: {
                fr: 'Nous les consultons chaque mois et elles guident nos décisions (produits mis en avant, publicités, moments de publication)',
                en: 'We look at them every month and they guide our decisions (featured products, ads, when to post)',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'data_indicators',
          label: {
            fr: "Quels chiffres suivez-vous au moins une fois par mois? Cochez tout ce qui s'applique.",
            en: 'Which figures do you track at least once a month? Tick everything that applies.',
          },
          help: {
            fr: "Quelques chiffres bien choisis suffisent pour voir ce qui va bien et ce qui doit changer. Les ventes par canal sont aussi ce qui montre l'effet de vos efforts numériques.",
            en: 'A few well-chosen figures are enough to see what is going well and what needs to change. Sales by channel are also what shows the effect of your digital efforts.',
          },
          type: 'multiple',
          choices: [
            {
              id: 'sales_by_channel',
              label: {
                fr: 'Les ventes par canal (magasin, en ligne, téléphone)',
                en: 'Sales by channel (shop, online, phone)',
              },
              score: 20,
            },
            {
              id: 'products',
              label: {
                fr: 'Les produits qui se vendent le plus et le moins',
                en: 'Best- and worst-selling products',
              },
              score: 15,
            },
            {
              id: 'basket',
              label: {
                fr: 'Le panier moyen (montant moyen par achat)',
                en: 'Average basket (average amount per purchase)',
              },
              score: 15,
            },
            {
              id: 'customers',
              label: {
                fr: 'Le nombre de nouveaux clients et de clients qui reviennent',
                en: 'Number of new and returning customers',
              },
              score: 15,
            },
            {
              id: 'conversion',
              label: {
                fr: 'Le taux de conversion en ligne (part des visites qui finissent par un achat)',
                en: 'Online conversion rate (share of visits that end in a purchase)',
              },
              score: 15,
            },
            {
              id: 'marketing_cost',
              label: {
                fr: "Le coût du marketing par rapport aux ventes qu'il amène",
                en: 'Marketing cost compared with the sales it brings',
              },
              score: 20,
            },
            {
              id: 'none',
              label: {
                fr: 'Aucun : nous ne suivons pas de chiffres régulièrement',
                en: 'None: we do not track figures regularly',
              },
              score: 0,
            },
          ],
        },
        {
          id: 'data_customers',
          label: {
            fr: 'Quels renseignements gardez-vous sur vos clients?',
            en: 'What information do you keep about your customers?',
          },
          help: {
            fr: "Des renseignements sur vos clients, recueillis avec leur consentement, vous aident à leur proposer les bons produits au bon moment. Le but n'est pas de tout recueillir, mais seulement ce qui est utile.",
            en: 'Information about your customers, collected with their consent, helps you offer them the right products at the right time. The aim is not to collect everything, only what is useful.',
          },
          type: 'single',
          choices: [
            {
              id: 'nothing',
              label: {
                fr: 'Aucun renseignement sur nos clients',
                en: 'No information about our customers',
              },
              score: 0,
            },
            {
              id: 'scattered',
              label: {
                fr: 'Quelques coordonnées, dispersées (cahier, cellulaire, courriels)',
                en: 'Some contact details, scattered around (notebook, phone, e-mails)',
              },
              score: 33,
            },
            {
              id: 'central',
              label: {
                fr: 'Un fichier de clients centralisé, avec leurs coordonnées et leurs achats',
                en: 'A central customer file, with contact details and purchases',
              },
              score: 67,
            },
            {
              id: 'segmented',
              label: {
                fr: 'Un fichier centralisé que nous utilisons pour regrouper les clients (selon leurs goûts ou la fréquence de leurs achats) et leur parler différemment',
                en: 'A central file we use to group customers (by taste or how often they buy) and talk to each group differently',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'data_dashboard',
          label: {
            fr: 'Où trouvez-vous vos chiffres quand vous en avez besoin?',
            en: 'Where do you find your figures when you need them?',
          },
          help: {
            fr: 'Quand les chiffres sont réunis dans un tableau simple, il devient facile de voir les tendances et de réagir vite, par exemple en commandant davantage un produit qui se vend bien.',
            en: 'When figures are brought together in a simple table, it becomes easy to see trends and react quickly, for example by ordering more of a product that sells well.',
          },
          type: 'single',
          choices: [
            {
              id: 'nowhere',
              label: {
                fr: "Il faut les chercher un peu partout, ou ils n'existent pas",
                en: 'We have to hunt for them, or they do not exist',
              },
              score: 0,
            },
            {
              id: 'separate_reports',
              label: {
                fr: 'Dans les rapports de chaque outil (caisse, site, médias sociaux), consultés séparément',
                en: "In each tool's reports (point of sale, website, social media), looked at separately",
              },
              score: 33,
            },
            {
              id: 'spreadsheet',
              label: {
                fr: 'Dans un tableur que nous mettons à jour nous-mêmes chaque mois',
                en: 'In a spreadsheet we update ourselves every month',
              },
              score: 67,
            },
            {
              id: 'dashboard',
              label: {
                fr: 'Dans un tableau de bord qui réunit automatiquement les chiffres de nos outils',
                en: 'In a dashboard that automatically brings together the figures from our tools',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 7. Operations and tools ────────────────────────────────────────────────────────────────
    {
      id: 'operations',
      label: { fr: 'Opérations et outils', en: 'Operations and tools' },
      description: {
        fr: 'Les outils qui font tourner le commerce : caisse (point de vente), gestion des stocks, comptabilité, et les liens entre ces outils.',
        en: 'The tools that keep the shop running: point of sale, stock management, accounting, and the links between these tools.',
      },
      weight: 1,
      questions: [
        {
          id: 'operations_pos',
          label: {
            fr: 'Quel système de caisse (point de vente) utilisez-vous?',
            en: 'What point-of-sale system do you use?',
          },
          help: {
            fr: 'Une caisse informatisée enregistre chaque vente et peut suivre les stocks, les clients et les résultats. Une caisse infonuagique (accessible par Internet) se relie plus facilement à une boutique en ligne et à la comptabilité.',
            en: 'A computerised point of sale records every sale and can track stock, customers and results. A cloud-based one (accessed over the Internet) connects more easily to an online store and to accounting.',
          },
          type: 'single',
          choices: [
            {
              id: 'register',
              label: {
                fr: 'Une caisse enregistreuse simple ou un terminal de paiement seul',
                en: 'A simple cash register or a stand-alone payment terminal',
              },
              score: 0,
            },
            {
              id: 'local_software',
              label: {
                fr: 'Une caisse informatisée installée sur un seul ordinateur',
                en: 'A computerised point of sale installed on a single computer',
              },
              score: 33,
            },
            {
              id: 'cloud',
              label: {
                fr: 'Une caisse infonuagique, sur tablette ou ordinateur',
                en: 'A cloud-based point of sale, on a tablet or computer',
              },
              score: 67,
            },
            {
              id: 'connected',
              label: {
                fr: 'Une caisse infonuagique reliée à notre boutique en ligne, à nos stocks et à notre comptabilité',
                en: 'A cloud-based point of sale connected to our online store, our stock and our accounting',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'operations_inventory',
          label: { fr: 'Comment gérez-vous vos stocks?', en: 'How do you manage your stock?' },
          help: {
            fr: 'Savoir en tout temps ce que vous avez en magasin évite les ruptures, les surplus et la vente en ligne de produits qui ne sont plus disponibles.',
            en: 'Knowing at all times what you have in the shop avoids running out, overstocking and selling online products that are no longer available.',
          },
          type: 'single',
          choices: [
            {
              id: 'memory',
              label: {
                fr: 'De mémoire ou en regardant les tablettes',
                en: 'From memory or by looking at the shelves',
              },
              score: 0,
            },
            {
              id: 'manual',
              label: {
                fr: 'Sur papier ou dans un tableur mis à jour à la main',
                en: 'On paper or in a spreadsheet updated by hand',
              },
              score: 25,
            },
            {
              id: 'software',
              label: {
                fr: 'Dans un logiciel, mis à jour à la réception des commandes et lors des inventaires',
                en: 'In software, updated when deliveries arrive and during stock counts',
              },
              score: 50,
            },
            {
              id: 'automatic',
              label: {
                fr: 'Dans un logiciel mis à jour automatiquement à chaque vente',
                en: 'In software updated automatically with every sale',
              },
              score: 75,
            },
            {
              id: 'automatic_alerts',
              label: {
                fr: 'Mis à jour automatiquement à chaque vente, en magasin et en ligne, avec des alertes pour commander à temps',
                en: 'Updated automatically with every sale, in the shop and online, with alerts to reorder in time',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'operations_accounting',
          label: { fr: 'Comment tenez-vous votre comptabilité?', en: 'How do you keep your books?' },
          help: {
            fr: 'Une comptabilité en ligne reliée à la caisse et au compte bancaire fait gagner des heures chaque mois et réduit les erreurs, par exemple dans le calcul de la TPS et de la TVQ.',
            en: 'Online accounting connected to your point of sale and bank account saves hours every month and reduces errors, for example in calculating GST and QST.',
          },
          type: 'single',
          choices: [
            {
              id: 'paper',
              label: {
                fr: 'Sur papier, ou nous remettons une boîte de factures au comptable',
                en: 'On paper, or we hand a box of receipts to the accountant',
              },
              score: 0,
            },
            { id: 'spreadsheet', label: { fr: 'Dans un tableur', en: 'In a spreadsheet' }, score: 33 },
            {
              id: 'software',
              label: {
                fr: 'Dans un logiciel de comptabilité, avec saisie à la main',
                en: 'In accounting software, with manual entry',
              },
              score: 67,
            },
            {
              id: 'connected',
              label: {
                fr: 'Dans un logiciel de comptabilité en ligne relié automatiquement à la caisse et au compte bancaire',
                en: 'In online accounting software connected automatically to the point of sale and bank account',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 8. Cybersecurity and privacy ───────────────────────────────────────────────────────────
    {
      id: 'security',
      label: {
        fr: 'Cybersécurité et protection des renseignements personnels',
        en: 'Cybersecurity and privacy',
      },
      description: {
        fr: 'Protéger votre commerce et les renseignements de vos clients : mots de passe, sauvegardes, mises à jour, et les bases de la Loi 25 (personne responsable, consentement, accès limité aux renseignements des clients).',
        en: "Protecting your shop and your customers' information: passwords, backups, updates, and the basics of Québec's Law 25 (person in charge, consent, limited access to customer information).",
      },
      weight: 1,
      questions: [
        {
          id: 'security_passwords',
          label: {
            fr: "Comment protégez-vous l'accès à vos comptes (courriel, banque, site Web, médias sociaux)?",
            en: 'How do you protect access to your accounts (e-mail, bank, website, social media)?',
          },
          help: {
            fr: 'Beaucoup de piratages de petits commerces commencent par un mot de passe volé ou trop simple. La validation en deux étapes (un code reçu sur votre cellulaire) bloque la plupart de ces attaques.',
            en: 'Many break-ins at small shops start with a stolen or weak password. Two-step verification (a code sent to your phone) blocks most of these attacks.',
          },
          type: 'single',
          choices: [
            {
              id: 'shared',
              label: {
                fr: "Nous utilisons le même mot de passe un peu partout, ou toute l'équipe partage le même",
                en: 'We use the same password almost everywhere, or the whole team shares one',
              },
              score: 0,
            },
            {
              id: 'different',
              label: {
                fr: 'Nous avons des mots de passe différents, notés quelque part',
                en: 'We have different passwords, written down somewhere',
              },
              score: 33,
            },
            {
              id: 'manager',
              label: {
                fr: 'Nous utilisons des mots de passe longs et différents, gardés dans un gestionnaire de mots de passe',
                en: 'We use long, different passwords, kept in a password manager',
              },
              score: 67,
            },
            {
              id: 'two_step',
              label: {
                fr: 'Des mots de passe différents dans un gestionnaire, et la validation en deux étapes sur tous les comptes importants',
                en: 'Different passwords in a password manager, and two-step verification on all important accounts',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'security_backup',
          label: {
            fr: 'Vos données (ventes, clients, comptabilité, photos de produits) sont-elles sauvegardées?',
            en: 'Is your data (sales, customers, accounting, product photos) backed up?',
          },
          help: {
            fr: "Un bris d'ordinateur, un vol ou un rançongiciel peut effacer des années de travail. Une sauvegarde automatique, gardée ailleurs qu'au magasin, vous permet de repartir rapidement.",
            en: 'A computer failure, a theft or ransomware can wipe out years of work. An automatic backup, kept somewhere other than the shop, lets you get going again quickly.',
          },
          type: 'single',
          choices: [
            {
              id: 'no',
              label: { fr: 'Non, ou nous ne le savons pas', en: 'No, or we do not know' },
              score: 0,
            },
            {
              id: 'manual',
              label: {
                fr: 'Nous faisons une copie à la main de temps en temps',
                en: 'We make a copy by hand from time to time',
              },
              score: 33,
            },
            {
              id: 'automatic',
              label: {
                fr: 'Une sauvegarde se fait automatiquement (ou nos outils sont infonuagiques)',
                en: 'A backup runs automatically (or our tools are cloud-based)',
              },
              score: 67,
            },
            {
              id: 'tested',
              label: {
                fr: 'Une sauvegarde automatique est gardée hors du magasin, et nous avons déjà vérifié que nous pouvons récupérer nos données',
                en: 'An automatic backup is kept outside the shop, and we have already checked that we can restore our data',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'security_devices',
          label: {
            fr: 'Vos ordinateurs, tablettes et logiciels sont-ils à jour et protégés?',
            en: 'Are your computers, tablets and software up to date and protected?',
          },
          help: {
            fr: 'Les mises à jour corrigent des failles que les pirates connaissent. Des appareils à jour, un antivirus et un réseau Wi-Fi distinct pour la clientèle réduisent beaucoup les risques.',
            en: 'Updates fix weaknesses that attackers know about. Up-to-date devices, antivirus and a separate Wi-Fi network for customers greatly reduce the risks.',
          },
          type: 'single',
          choices: [
            {
              id: 'postponed',
              label: {
                fr: 'Nous remettons souvent les mises à jour à plus tard',
                en: 'We often put off updates',
              },
              score: 0,
            },
            {
              id: 'sometimes',
              label: {
                fr: 'Nous faisons les mises à jour quand nous y pensons',
                en: 'We install updates when we think of it',
              },
              score: 33,
            },
            {
              id: 'automatic',
              label: {
                fr: 'Les mises à jour sont automatiques et un antivirus est installé',
                en: 'Updates are automatic and antivirus is installed',
              },
              score: 67,
            },
            {
              id: 'complete',
              label: {
                fr: 'Mises à jour automatiques, antivirus, et un réseau Wi-Fi distinct pour la clientèle',
                en: 'Automatic updates, antivirus, and a separate Wi-Fi network for customers',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'security_law25',
          label: {
            fr: 'Où en êtes-vous avec la Loi 25 sur la protection des renseignements personnels?',
            en: 'Where do you stand with Law 25 on the protection of personal information?',
          },
          help: {
            fr: "Au Québec, une entreprise qui recueille des renseignements sur ses clients (nom, courriel, achats) doit entre autres désigner une personne responsable de leur protection, demander un consentement clair pour chaque usage et expliquer ce qu'elle en fait.",
            en: 'In Québec, a business that collects information about its customers (name, e-mail, purchases) must, among other things, name a person in charge of protecting it, ask for clear consent for each use and explain what it does with it.',
          },
          type: 'single',
          choices: [
            {
              id: 'unknown',
              label: { fr: 'Nous ne connaissons pas cette loi', en: 'We are not familiar with this law' },
              score: 0,
            },
            {
              id: 'heard',
              label: {
                fr: "Nous en avons entendu parler, mais nous n'avons rien changé",
                en: 'We have heard of it, but have not changed anything',
              },
              score: 25,
            },
            {
              id: 'person',
              label: {
                fr: 'Une personne responsable de la protection des renseignements personnels est désignée',
                en: 'A person in charge of protecting personal information has been named',
              },
              score: 50,
            },
            {
              id: 'consent',
              label: {
                fr: 'Une personne responsable est désignée, et nous demandons un consentement distinct pour chaque usage (par exemple : infolettre, concours)',
                en: 'A person in charge has been named, and we ask for separate consent for each use (for example, newsletter, contest)',
              },
              score: 75,
            },
            {
              id: 'in_place',
              label: {
                fr: 'Personne responsable désignée et indiquée sur notre site, consentement distinct pour chaque usage, et une politique de confidentialité claire en ligne',
                en: 'A person in charge named and shown on our website, separate consent for each use, and a clear privacy policy online',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'security_customer_access',
          label: {
            fr: 'Qui peut consulter les renseignements de vos clients?',
            en: "Who can see your customers' information?",
          },
          help: {
            fr: "La Loi 25 demande de limiter l'accès aux renseignements personnels aux personnes qui en ont besoin pour leur travail. Chaque employé devrait avoir son propre accès, plutôt qu'un code partagé.",
            en: 'Law 25 requires limiting access to personal information to the people who need it for their work. Each employee should have their own login rather than a shared code.',
          },
          type: 'single',
          condition: { questionId: 'data_customers', choiceIds: ['scattered', 'central', 'segmented'] },
          choices: [
            {
              id: 'everyone_shared',
              label: {
                fr: 'Tout le monde, avec un code ou un compte partagé',
                en: 'Everyone, with a shared code or account',
              },
              score: 0,
            },
            {
              id: 'everyone_own',
              label: {
                fr: 'Tous les employés, chacun avec son propre accès',
                en: 'All employees, each with their own login',
              },
              score: 33,
            },
            {
              id: 'need_to_know',
              label: {
                fr: 'Seulement les personnes qui en ont besoin, chacune avec son propre accès',
                en: 'Only the people who need it, each with their own login',
              },
              score: 67,
            },
            {
              id: 'need_to_know_reviewed',
              label: {
                fr: "Seulement les personnes qui en ont besoin, avec leur propre accès, retiré dès qu'un employé quitte",
                en: 'Only the people who need it, with their own login, removed as soon as an employee leaves',
              },
              score: 100,
            },
          ],
        },
      ],
    },

    // ─── 9. Skills and resources ────────────────────────────────────────────────────────────────
    {
      id: 'skills',
      label: { fr: 'Compétences et ressources', en: 'Skills and resources' },
      description: {
        fr: "Les connaissances, le temps et l'aide dont votre équipe dispose pour utiliser le numérique avec confiance.",
        en: 'The knowledge, time and help your team has to use digital tools with confidence.',
      },
      weight: 1,
      questions: [
        {
          id: 'skills_comfort',
          label: {
            fr: "Votre équipe est-elle à l'aise avec les outils numériques?",
            en: 'Is your team comfortable with digital tools?',
          },
          help: {
            fr: "Pensez à la personne qui s'occupe du site, des médias sociaux et de la caisse, mais aussi aux employés en magasin qui répondent aux questions des clients sur les commandes en ligne.",
            en: "Think of the person who looks after the website, social media and point of sale, but also of the staff in the shop who answer customers' questions about online orders.",
          },
          type: 'single',
          choices: [
            {
              id: 'uneasy',
              label: {
                fr: "Peu à l'aise : nous évitons les nouveaux outils",
                en: 'Not very comfortable: we avoid new tools',
              },
              score: 0,
            },
            {
              id: 'basics',
              label: {
                fr: "À l'aise avec l'essentiel (courriel, cellulaire), sans plus",
                en: 'Comfortable with the basics (e-mail, phone), no more',
              },
              score: 33,
            },
            {
              id: 'self_taught',
              label: {
                fr: "À l'aise : nous apprenons seuls à utiliser un nouvel outil",
                en: 'Comfortable: we learn new tools on our own',
              },
              score: 67,
            },
            {
              id: 'leading',
              label: {
                fr: "Très à l'aise : quelqu'un dans l'équipe forme les autres et propose des améliorations",
                en: 'Very comfortable: someone on the team trains the others and suggests improvements',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'skills_training',
          label: {
            fr: 'Au cours de la dernière année, votre équipe a-t-elle suivi une formation sur le numérique?',
            en: 'In the past year, has your team taken any training on digital topics?',
          },
          help: {
            fr: 'Webinaires, ateliers de votre association de commerçants ou de votre chambre de commerce, tutoriels en ligne, formation sur place : tout compte. Une formation courte et ciblée donne souvent des résultats rapides.',
            en: "Webinars, workshops from your merchants' association or chamber of commerce, online tutorials, on-site training: it all counts. A short, focused course often brings quick results.",
          },
          type: 'single',
          choices: [
            { id: 'none', label: { fr: 'Non', en: 'No' }, score: 0 },
            {
              id: 'tutorials',
              label: {
                fr: "Quelques tutoriels ou vidéos, à l'occasion",
                en: 'A few tutorials or videos, now and then',
              },
              score: 33,
            },
            {
              id: 'course',
              label: { fr: 'Au moins une formation ou un atelier', en: 'At least one course or workshop' },
              score: 67,
            },
            {
              id: 'plan',
              label: {
                fr: 'Plusieurs formations, choisies selon nos besoins et nos objectifs',
                en: 'Several courses, chosen according to our needs and goals',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'skills_time',
          label: {
            fr: "Combien d'heures par semaine votre commerce consacre-t-il au numérique (site, médias sociaux, commandes en ligne, infolettre)?",
            en: 'How many hours a week does your shop spend on digital (website, social media, online orders, newsletter)?',
          },
          help: {
            fr: 'Le numérique demande du temps régulier. Sans heures réservées, il passe toujours après les urgences du magasin.',
            en: "Digital needs regular time. Without set hours, it always comes after the shop's emergencies.",
          },
          type: 'single',
          choices: [
            { id: 'hardly', label: { fr: 'Presque pas de temps', en: 'Hardly any time' }, score: 0 },
            { id: 'under_2', label: { fr: 'Moins de 2 heures', en: 'Less than 2 hours' }, score: 33 },
            { id: 'from_2_to_8', label: { fr: 'De 2 à 8 heures', en: '2 to 8 hours' }, score: 67 },
            {
              id: 'over_8',
              label: {
                fr: "Plus de 8 heures, ou une personne qui s'y consacre",
                en: 'More than 8 hours, or a person dedicated to it',
              },
              score: 100,
            },
          ],
        },
        {
          id: 'skills_support',
          label: {
            fr: "Quand vous avez besoin d'aide pour le numérique, vers qui vous tournez-vous?",
            en: 'When you need help with digital, who do you turn to?',
          },
          help: {
            fr: "Un bon réseau (fournisseurs fiables, conseillers, autres commerçants) fait gagner du temps et évite des erreurs coûteuses. Choisir un fournisseur, c'est aussi vérifier ses références.",
            en: 'A good network (reliable suppliers, advisers, other merchants) saves time and avoids costly mistakes. Choosing a supplier also means checking their references.',
          },
          type: 'single',
          choices: [
            {
              id: 'nobody',
              label: { fr: 'Personne : nous nous débrouillons seuls', en: 'No one: we manage on our own' },
              score: 0,
            },
            {
              id: 'relative',
              label: {
                fr: "Un proche ou un membre de la famille qui s'y connaît",
                en: 'A friend or relative who knows about it',
              },
              score: 33,
            },
            {
              id: 'supplier',
              label: {
                fr: 'Un fournisseur ou un conseiller, au besoin',
                en: 'A supplier or adviser, as needed',
              },
              score: 67,
            },
            {
              id: 'network',
              label: {
                fr: 'Des fournisseurs de confiance avec qui nous avons une entente, et un réseau de commerçants avec qui nous échangeons',
                en: 'Trusted suppliers we have an agreement with, and a network of merchants we share ideas with',
              },
              score: 100,
            },
          ],
        },
      ],
    },
  ],

  levels: [
    {
      id: 'beginner',
      min: 0,
      label: { fr: 'Débutant', en: 'Beginner' },
      description: {
        fr: "Le commerce fait ses premiers pas : peu ou pas de présence en ligne, et le numérique n'est pas encore planifié.",
        en: 'The shop is taking its first steps: little or no online presence, and digital is not planned yet.',
      },
    },
    {
      id: 'developing',
      min: 25,
      label: { fr: 'En développement', en: 'Developing' },
      description: {
        fr: "Le commerce a une présence en ligne de base (site Web ou médias sociaux, fiche Google) et quelques outils, mais pas encore de plan d'ensemble.",
        en: 'The shop has a basic online presence (website or social media, Google Business Profile) and a few tools, but no overall plan yet.',
      },
    },
    {
      id: 'established',
      min: 50,
      label: { fr: 'Établi', en: 'Established' },
      description: {
        fr: 'Le commerce vend ou se fait connaître en ligne régulièrement, suit un plan de marketing et ses outils commencent à être reliés entre eux.',
        en: 'The shop sells or promotes itself online regularly, follows a marketing plan, and its tools are starting to be connected.',
      },
    },
    {
      id: 'advanced',
      min: 75,
      label: { fr: 'Avancé', en: 'Advanced' },
      description: {
        fr: "Le commerce a une stratégie de marketing et de vente en ligne mesurée, des canaux bien reliés et des outils intégrés, qu'il améliore selon ses résultats.",
        en: 'The shop has a measured online marketing and sales strategy, well-connected channels and integrated tools, which it improves based on results.',
      },
    },
  ],
};
