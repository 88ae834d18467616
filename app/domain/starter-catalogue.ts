// The starter catalogue: standard CX / CRM measures from the seed texts (HEART categories, GSM,
// CRM reporting KPIs), offered to a workspace to add to its library in one step. Pure data.
import type { Family, HeartCategory, Trend } from './vocabulary';

interface Text {
  en: string;
  fr: string;
}

export interface StarterMeasure {
  key: string;
  name: Text;
  description: Text;
  unit: string;
  trend: Trend;
  heart: HeartCategory | null;
  family: Family;
  group: Text;
}

const G = {
  perception: { en: 'Customer perception', fr: 'Perception client' },
  retention: { en: 'Retention', fr: 'Fidélisation' },
  service: { en: 'Customer service', fr: 'Service client' },
  sales: { en: 'Sales', fr: 'Ventes' },
  marketing: { en: 'Marketing', fr: 'Marketing' },
  digital: { en: 'Digital', fr: 'Digital' },
} satisfies Record<string, Text>;

type Row = [key: string, en: string, fr: string, unit: string, trend: Trend, heart: HeartCategory | null, family: Family, group: Text, descEn: string, descFr: string];

const ROWS: Row[] = [
  ['nps', 'NPS', 'NPS', 'pts', 'up', 'happiness', 'customer_perception', G.perception,
    'Net Promoter Score: % of promoters (9-10) minus % of detractors (0-6), from -100 to 100.',
    'Net Promoter Score : % de promoteurs (9-10) moins % de détracteurs (0-6), de -100 à 100.'],
  ['csat', 'CSAT', 'CSAT', '%', 'up', 'happiness', 'customer_perception', G.perception,
    'Share of customers satisfied or very satisfied with an interaction.',
    'Part des clients satisfaits ou très satisfaits d’une interaction.'],
  ['ces', 'CES', 'CES', 'pts', 'down', 'task_success', 'customer_perception', G.perception,
    'Customer Effort Score: how much effort the customer had to make (lower is better).',
    'Customer Effort Score : l’effort que le client a dû fournir (plus bas, c’est mieux).'],
  ['churn_rate', 'Churn rate', 'Taux de churn', '%', 'down', 'retention', 'business_performance', G.retention,
    'Share of customers who cancel over the period.',
    'Part des clients qui résilient sur la période (attrition).'],
  ['retention_rate', 'Retention rate', 'Taux de rétention', '%', 'up', 'retention', 'business_performance', G.retention,
    'Share of customers still active at the end of the period; the inverse of churn.',
    'Part des clients toujours actifs en fin de période ; l’inverse de l’attrition.'],
  ['renewal_rate', 'Renewal rate', 'Taux de renouvellement', '%', 'up', 'retention', 'business_performance', G.retention,
    'Share of contracts renewed at their end date.',
    'Part des contrats renouvelés à leur échéance.'],
  ['retention_cost', 'Retention cost', 'Coût de rétention', 'currency', 'down', 'retention', 'business_performance', G.retention,
    'What keeping one customer costs (offers, retention calls).',
    'Ce que coûte la conservation d’un client (offres, appels de rétention).'],
  ['first_contact_resolution', 'First contact resolution', 'Résolution au premier contact', '%', 'up', 'task_success', 'customer_perception', G.service,
    'Share of requests solved at the first contact, without a call back.',
    'Part des demandes résolues dès le premier contact, sans rappel.'],
  ['average_handling_time', 'Average handling time', 'Durée moyenne de traitement', 'seconds', 'down', 'task_success', 'business_performance', G.service,
    'Average time an agent spends on one request, talk and follow-up included.',
    'Temps moyen passé par un conseiller sur une demande, communication et suivi compris.'],
  ['average_wait_time', 'Average waiting time', 'Temps d’attente moyen', 'seconds', 'down', 'task_success', 'customer_perception', G.service,
    'Average time before a customer reaches an agent.',
    'Temps moyen avant qu’un client joigne un conseiller.'],
  ['calls_per_agent', 'Calls handled per agent', 'Appels traités par conseiller', 'count', 'up', null, 'business_performance', G.service,
    'Number of calls an agent handles per day.',
    'Nombre d’appels traités par conseiller et par jour.'],
  ['complaint_rate', 'Complaint rate', 'Taux de réclamation', '%', 'down', 'happiness', 'customer_perception', G.service,
    'Share of customers who filed a complaint over the period.',
    'Part des clients ayant déposé une réclamation sur la période.'],
  ['conversion_rate', 'Conversion rate', 'Taux de conversion', '%', 'up', 'adoption', 'business_performance', G.sales,
    'Share of prospects or visits that end in a purchase.',
    'Part des prospects ou des visites qui aboutissent à un achat.'],
  ['new_customers', 'New customers', 'Nouveaux clients', 'count', 'up', 'adoption', 'business_performance', G.sales,
    'Number of customers won over the period.',
    'Nombre de clients conquis sur la période.'],
  ['active_customer_rate', 'Active customer rate', 'Taux de clients actifs', '%', 'up', 'engagement', 'user_adoption', G.retention,
    'Share of customers who used the service over the period.',
    'Part des clients ayant utilisé le service sur la période.'],
  ['recommendation_rate', 'Recommendation rate', 'Taux de recommandation', '%', 'up', 'adoption', 'customer_perception', G.marketing,
    'Share of new customers who came on the recommendation of existing ones.',
    'Part des nouveaux clients arrivés sur recommandation des clients existants.'],
  ['paid_subscriptions_count', 'Paid subscriptions (number)', 'Abonnements payants (nombre)', 'count', 'up', 'adoption', 'business_performance', G.sales,
    'Number of paid offers subscribed over the period.',
    'Nombre d’offres payantes souscrites sur la période.'],
  ['paid_subscriptions_value', 'Paid subscriptions (value)', 'Abonnements payants (valeur)', 'currency', 'up', 'adoption', 'business_performance', G.sales,
    'Value of the paid offers subscribed over the period.',
    'Valeur des offres payantes souscrites sur la période.'],
  ['customer_lifetime_value', 'Customer lifetime value', 'Valeur vie client', 'currency', 'up', 'retention', 'business_performance', G.sales,
    'Margin a customer brings over the whole relationship.',
    'Marge apportée par un client sur toute la durée de la relation.'],
  ['average_deal_size', 'Average deal size', 'Taille moyenne des transactions', 'currency', 'up', null, 'business_performance', G.sales,
    'Average amount of a closed deal.',
    'Montant moyen d’une vente conclue.'],
  ['revenue_per_salesperson', 'Revenue per salesperson', 'Chiffre d’affaires par vendeur', 'currency', 'up', null, 'business_performance', G.sales,
    'Revenue brought in per salesperson over the period.',
    'Chiffre d’affaires réalisé par vendeur sur la période.'],
  ['acquisition_cost', 'Customer acquisition cost', 'Coût d’acquisition client', 'currency', 'down', null, 'business_performance', G.marketing,
    'Marketing and sales spend per new customer.',
    'Dépenses marketing et commerciales par nouveau client.'],
  ['email_open_rate', 'Email open rate', 'Taux d’ouverture des e-mails', '%', 'up', 'engagement', 'user_adoption', G.marketing,
    'Share of delivered e-mails that were opened.',
    'Part des e-mails délivrés qui ont été ouverts.'],
  ['email_click_rate', 'Email click-through rate', 'Taux de clic des e-mails', '%', 'up', 'engagement', 'user_adoption', G.marketing,
    'Share of delivered e-mails with at least one click.',
    'Part des e-mails délivrés avec au moins un clic.'],
  ['deliverability', 'Email deliverability', 'Délivrabilité des e-mails', '%', 'up', null, 'business_performance', G.marketing,
    'Share of sent e-mails that reach the inbox.',
    'Part des e-mails envoyés qui arrivent en boîte de réception.'],
  ['unsubscribe_rate', 'Unsubscribe rate', 'Taux de désabonnement', '%', 'down', 'retention', 'user_adoption', G.marketing,
    'Share of recipients who unsubscribe from a campaign.',
    'Part des destinataires qui se désinscrivent d’une campagne.'],
  ['contactability_rate', 'Contactable customer rate', 'Taux de contactabilité', '%', 'up', null, 'business_performance', G.marketing,
    'Share of the customer file with a valid e-mail or phone and consent.',
    'Part du fichier client avec un e-mail ou un téléphone valide et un consentement.'],
  ['average_order_value', 'Average order value', 'Panier moyen', 'currency', 'up', null, 'business_performance', G.digital,
    'Average amount of an online order.',
    'Montant moyen d’une commande en ligne.'],
  ['cart_abandonment_rate', 'Cart abandonment rate', 'Taux d’abandon de panier', '%', 'down', 'task_success', 'user_adoption', G.digital,
    'Share of started checkouts that are not completed.',
    'Part des commandes commencées qui ne sont pas terminées.'],
  ['online_task_success', 'Online task success rate', 'Taux de réussite des démarches en ligne', '%', 'up', 'task_success', 'user_adoption', G.digital,
    'Share of online tasks (subscribe, pay, change plan) completed without help.',
    'Part des démarches en ligne (souscrire, payer, changer d’offre) menées à bien sans aide.'],
  ['app_adoption_rate', 'App adoption rate', 'Taux d’adoption de l’application', '%', 'up', 'adoption', 'user_adoption', G.digital,
    'Share of customers who use the mobile app.',
    'Part des clients qui utilisent l’application mobile.'],
];

export const STARTER_CATALOGUE: readonly StarterMeasure[] = ROWS.map(
  ([key, en, fr, unit, trend, heart, family, group, descEn, descFr]) => ({
    key,
    name: { en, fr },
    description: { en: descEn, fr: descFr },
    unit,
    trend,
    heart,
    family,
    group,
  }),
);
